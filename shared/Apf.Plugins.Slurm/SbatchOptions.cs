using System.Text.RegularExpressions;
using Apf.Core.Configuration;

namespace Apf.Plugins.Slurm;

/// <summary>What sbatch gets besides the pilot itself.</summary>
public sealed partial record SbatchOptions
{
    public string? Partition { get; init; }
    public string? Account { get; init; }
    public string? TimeLimit { get; init; }
    public IReadOnlyList<string> ExtraOptions { get; init; } = [];
    public string? OutputDirectory { get; init; }
    public int MaxArraySize { get; init; } = 1000;

    // Apf sets these itself; letting an extra option override them would break labels, ids or output.
    private static readonly string[] Reserved =
        ["--array", "--job-name", "--output", "--error", "--parsable", "--wrap", "--input", "--chdir"];

    public static SbatchOptions Read(SettingsReader r, string prefix)
    {
        var timeLimit = r.String(prefix + "timelimit");
        if (timeLimit is not null && !TimeLimitPattern().IsMatch(timeLimit.Trim()))
            r.Error(prefix + "timelimit", $"'{timeLimit}' is not a Slurm time limit (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED)");
        var output = r.String(prefix + "outputdir");
        if (output is not null && !output.StartsWith('/')) r.Error(prefix + "outputdir", $"must be an absolute path, got '{output}'");
        return new SbatchOptions
        {
            Partition = Blank(r.String(prefix + "partition")),
            Account = Blank(r.String(prefix + "account")),
            TimeLimit = Blank(timeLimit?.Trim()),
            ExtraOptions = ReadExtra(r, prefix + "options"),
            OutputDirectory = Blank(output),
            MaxArraySize = r.Int(prefix + "maxarraysize", 1000, min: 1, max: 4_000_000),
        };
    }

    /// <summary>
    /// A YAML list, one sbatch argument per item. Apf's config reader joins list items with ", ", so items
    /// are split there again; a comma without a space stays inside its item (<c>--mail-type=BEGIN,END</c>).
    /// </summary>
    private static IReadOnlyList<string> ReadExtra(SettingsReader r, string key)
    {
        var raw = r.String(key);
        if (string.IsNullOrWhiteSpace(raw)) return [];
        var items = raw.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var item in items)
        {
            if (!OptionPattern().IsMatch(item))
                r.Error(key, $"'{item}' is not a long sbatch option (--name or --name=value, no spaces around it, no control characters)");
            else if (Reserved.Any(reserved => item == reserved || item.StartsWith(reserved + "=", StringComparison.Ordinal)))
                r.Error(key, $"'{item}' is set by Apf itself and cannot be given as an extra option");
        }
        return items;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^(UNLIMITED|INFINITE|\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeLimitPattern();

    [GeneratedRegex(@"^--[a-z][a-z0-9-]*(=[^\p{Cc}]*)?$")]
    private static partial Regex OptionPattern();
}
