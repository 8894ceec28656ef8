using Apf.Core.Configuration;

namespace Apf.Plugins.HTCondor.Commands;

/// <summary>
/// Which schedd and pool the tools talk to, where they live, and how long they may take. Read from
/// "&lt;prefix&gt;schedd", "pool", "bindir", "timeout".
/// </summary>
public sealed record CondorConnection
{
    /// <summary>condor_q/condor_submit -name; null: the local schedd.</summary>
    public string? Schedd { get; init; }
    /// <summary>-pool central manager; null: the configured pool.</summary>
    public string? Pool { get; init; }
    /// <summary>Folder of the HTCondor tools; null: found on PATH.</summary>
    public string? BinDirectory { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static CondorConnection Read(SettingsReader settings, string prefix)
    {
        var connection = new CondorConnection
        {
            Schedd = Clean(settings, prefix + "schedd"),
            Pool = Clean(settings, prefix + "pool"),
            BinDirectory = Clean(settings, prefix + "bindir"),
            Timeout = settings.Seconds(prefix + "timeout", TimeSpan.FromSeconds(60), min: TimeSpan.FromSeconds(1)),
        };
        return connection;
    }

    public string Tool(string name) => BinDirectory is null ? name : Path.Combine(BinDirectory, name);

    /// <summary>"-name schedd -pool host" as far as they are set.</summary>
    public IEnumerable<string> TargetArguments()
    {
        if (Schedd is not null) { yield return "-name"; yield return Schedd; }
        if (Pool is not null) { yield return "-pool"; yield return Pool; }
    }

    private static string? Clean(SettingsReader settings, string key)
    {
        var value = settings.String(key);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Any(char.IsControl) || value.Trim().Contains(' '))
        {
            settings.Error(key, "must be one word without spaces or control characters");
            return null;
        }
        return value.Trim();
    }
}
