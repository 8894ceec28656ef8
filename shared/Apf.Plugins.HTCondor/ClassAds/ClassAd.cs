using System.Globalization;

namespace Apf.Plugins.HTCondor.ClassAds;

/// <summary>
/// One ClassAd as read from condor_q/condor_history/condor_status output, whatever the format
/// (JSON, XML, long). Values are long, double, bool, string, or <see cref="ClassAdExpression"/>;
/// attribute names are case-insensitive, as in HTCondor.
/// </summary>
public sealed class ClassAd
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, object?> Values => _values;

    public int Count => _values.Count;

    public object? this[string name]
    {
        get => _values.GetValueOrDefault(name);
        set => _values[name] = value;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public long? Long(string name) => this[name] switch
    {
        long l => l,
        double d when d == Math.Floor(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public string? String(string name) => this[name] switch
    {
        null => null,
        string s => s,
        ClassAdExpression e => e.Text,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };
}

/// <summary>An attribute whose value is an unevaluated ClassAd expression (kept as its text).</summary>
public sealed record ClassAdExpression(string Text)
{
    public override string ToString() => Text;
}
