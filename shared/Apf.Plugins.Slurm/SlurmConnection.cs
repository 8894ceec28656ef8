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
