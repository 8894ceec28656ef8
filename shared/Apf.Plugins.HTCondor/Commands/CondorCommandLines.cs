using System.Globalization;

namespace Apf.Plugins.HTCondor.Commands;

/// <summary>The exact argument lists Apf passes to condor_q, condor_history, condor_submit and condor_rm.</summary>
public static class CondorCommandLines
{
    public static IReadOnlyList<string> Query(CondorConnection connection, string constraint, IEnumerable<string> attributes) =>
    [
        .. connection.TargetArguments(),
        "-constraint", constraint,
        "-attributes", string.Join(",", attributes),
        "-json",
    ];

    /// <summary>History of jobs that ended at or after <paramref name="completedSince"/> (epoch seconds).</summary>
    public static IReadOnlyList<string> History(CondorConnection connection, string constraint, IEnumerable<string> attributes, long completedSince) =>
    [
        .. connection.TargetArguments(),
        "-constraint", constraint,
        "-attributes", string.Join(",", attributes),
        "-completedsince", completedSince.ToString(CultureInfo.InvariantCulture),
        "-json",
    ];

    /// <summary>-terse prints "first - last" job ids, which is all Apf needs back.</summary>
    public static IReadOnlyList<string> Submit(CondorConnection connection, string submitFile) =>
        [.. connection.TargetArguments(), "-terse", submitFile];

    public static IReadOnlyList<string> Remove(CondorConnection connection, IEnumerable<string> jobIds) =>
        [.. connection.TargetArguments(), .. jobIds];
}
