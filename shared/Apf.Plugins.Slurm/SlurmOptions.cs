using System.Text.RegularExpressions;
using Apf.Core.Configuration;
using Apf.Plugins.Slurm.Commands;

namespace Apf.Plugins.Slurm;

/// <summary>How Apf reaches Slurm: squeue format, SLURM_CONF, command timeout and an optional SSH submit host.</summary>
public sealed record SlurmConnection
{
    public string? SlurmConf { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public SqueueFormat Format { get; init; } = SqueueFormat.Auto;
    public SshTarget? Ssh { get; init; }
    /// <summary>How many vanished jobs one status read looks up with scontrol/sacct.</summary>
    public int LookupLimit { get; init; } = 20;
    public bool UseSacct { get; init; } = true;

    public IReadOnlyDictionary<string, string> Environment =>
        SlurmConf is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SLURM_CONF"] = SlurmConf };

    public ICommandRunner CreateRunner(TimeProvider time) =>
        Ssh is { } ssh ? new SshCommandRunner(ssh, Environment, Timeout, time) : new LocalCommandRunner(Environment, Timeout, time);

    /// <summary>Reads "&lt;prefix&gt;slurmconf", "timeout", "format", "lookups", "sacct", "ssh.host/.port/.user/.keyfile/.hostkey".</summary>
    public static SlurmConnection Read(SettingsReader r, string prefix)
    {
        var format = (r.String(prefix + "format", "auto") ?? "auto").Trim().ToLowerInvariant() switch
        {
            "auto" => SqueueFormat.Auto,
            "json" => SqueueFormat.Json,
            "text" => SqueueFormat.Text,
            var other => Invalid(r, prefix + "format", $"expected auto, json or text, got '{other}'"),
        };
        return new SlurmConnection
        {
            SlurmConf = r.String(prefix + "slurmconf"),
            Timeout = r.Seconds(prefix + "timeout", TimeSpan.FromSeconds(60), min: TimeSpan.FromSeconds(1)),
            Format = format,
            LookupLimit = r.Int(prefix + "lookups", 20, min: 0, max: 1000),
            UseSacct = r.Bool(prefix + "sacct", true),
            Ssh = ReadSsh(r, prefix + "ssh."),
        };
    }

    private static SqueueFormat Invalid(SettingsReader r, string key, string message)
    {
        r.Error(key, message);
        return SqueueFormat.Auto;
    }

    private static SshTarget? ReadSsh(SettingsReader r, string prefix)
    {
        var host = r.String(prefix + "host");
        var port = r.Int(prefix + "port", 22, min: 1, max: 65535);
        var user = r.String(prefix + "user");
        var keyFile = r.String(prefix + "keyfile");
        var hostKey = r.String(prefix + "hostkey");
        if (string.IsNullOrWhiteSpace(host))
        {
            if (user is not null || keyFile is not null) r.Error(prefix + "host", "is required when ssh.user or ssh.keyfile is set");
            return null;
        }
        if (string.IsNullOrWhiteSpace(user)) r.Error(prefix + "user", "is required with ssh.host");
        if (string.IsNullOrWhiteSpace(keyFile)) r.Error(prefix + "keyfile", "is required with ssh.host (only key-based authentication is supported)");
        else if (!File.Exists(keyFile)) r.Error(prefix + "keyfile", $"file '{keyFile}' does not exist");
        return new SshTarget(host.Trim(), port, user?.Trim() ?? "", keyFile ?? "", hostKey);
    }
}

public enum SqueueFormat
{
    /// <summary>squeue --json, falling back to the plain format for good once --json fails.</summary>
    Auto,
    Json,
    Text,
}

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
