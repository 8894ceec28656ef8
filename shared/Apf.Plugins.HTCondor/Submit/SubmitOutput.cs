using System.Globalization;
using System.Text.RegularExpressions;

namespace Apf.Plugins.HTCondor.Submit;

/// <summary>Reads the job ids condor_submit printed.</summary>
public static partial class SubmitOutput
{
    /// <summary>
    /// -terse prints "57368.0 - 57368.4" per cluster; without -terse condor_submit prints
    /// "5 job(s) submitted to cluster 57368.". Both are read.
    /// </summary>
    public static IReadOnlyList<string> JobIds(string output)
    {
        var ids = new List<string>();
        foreach (Match m in TerseRange().Matches(output))
        {
            var cluster = long.Parse(m.Groups["c1"].Value, CultureInfo.InvariantCulture);
            if (cluster != long.Parse(m.Groups["c2"].Value, CultureInfo.InvariantCulture)) continue;
            var first = int.Parse(m.Groups["p1"].Value, CultureInfo.InvariantCulture);
            var last = int.Parse(m.Groups["p2"].Value, CultureInfo.InvariantCulture);
            for (var p = first; p <= last; p++) ids.Add($"{cluster}.{p}");
        }
        if (ids.Count > 0) return ids;
        foreach (Match m in Summary().Matches(output))
        {
            var count = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            for (var p = 0; p < count; p++) ids.Add($"{m.Groups["c"].Value}.{p}");
        }
        return ids;
    }

    [GeneratedRegex(@"^\s*(?<c1>\d+)\.(?<p1>\d+)\s*-\s*(?<c2>\d+)\.(?<p2>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TerseRange();

    [GeneratedRegex(@"(?<n>\d+) job\(s\) submitted to cluster (?<c>\d+)\.")]
    private static partial Regex Summary();
}
