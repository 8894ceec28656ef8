using System.Globalization;
using Apf.Simulation.Workload;

namespace Apf.Simulation.Batch;

/// <summary>
/// How long a pilot waits in the batch queue before it may start (before the site slot limit applies).
/// Written <c>fixed:S</c>, <c>uniform:A,B</c>, <c>exp:MEAN</c> or <c>lognormal:MEDIAN,SIGMA</c>, seconds.
/// </summary>
public sealed record DelayDistribution(string Kind, double A, double B)
{
    public static readonly DelayDistribution Default = new("lognormal", 600, 1.0);

    public long Sample(Random r)
    {
        var seconds = Kind switch
        {
            "fixed" => A,
            "uniform" => A + r.NextDouble() * (B - A),
            "exp" => Draw.Exponential(r, A),
            _ => Draw.LogNormal(r, A, B),
        };
        return Math.Max(0, (long)Math.Round(Math.Min(seconds, 30 * 86_400)));
    }

    public override string ToString() => Kind switch
    {
        "fixed" or "exp" => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{A}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{A},{B}"),
    };

    /// <summary>Parses the text form; returns null and a reason when it is not valid.</summary>
    public static DelayDistribution? TryParse(string text, out string error)
    {
        error = "";
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        var kind = parts[0].ToLowerInvariant();
        var args = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.TrimEntries) : [];
        var numbers = new double[args.Length];
        for (var i = 0; i < args.Length; i++)
            if (!double.TryParse(args[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]) || numbers[i] < 0)
            {
                error = $"'{args[i]}' is not a number of seconds not below 0";
                return null;
            }
        (int Count, string Form) expected = kind switch
        {
            "fixed" => (1, "fixed:SECONDS"),
            "exp" => (1, "exp:MEAN"),
            "uniform" => (2, "uniform:MIN,MAX"),
            "lognormal" => (2, "lognormal:MEDIAN,SIGMA"),
            _ => (-1, ""),
        };
        if (expected.Count < 0)
        {
            error = $"unknown distribution '{parts[0]}' (fixed, uniform, exp, lognormal)";
            return null;
        }
        if (numbers.Length != expected.Count)
        {
            error = $"expected {expected.Form}, got '{text}'";
            return null;
        }
        if (kind == "uniform" && numbers[1] < numbers[0])
        {
            error = $"uniform needs MIN <= MAX, got '{text}'";
            return null;
        }
        return new DelayDistribution(kind, numbers[0], numbers.Length > 1 ? numbers[1] : 0);
    }
}
