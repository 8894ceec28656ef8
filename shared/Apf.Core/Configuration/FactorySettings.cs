using System.Text.RegularExpressions;

namespace Apf.Core.Configuration;

/// <summary>The factory-wide keys (APF's [Factory] section of factory.conf).</summary>
public sealed partial record FactorySettings
{
    /// <summary>APF's factoryId: names the factory in pilot labels and monitoring.</summary>
    public required string FactoryId { get; init; }
    /// <summary>Folder for the factory's own state (local batch bookkeeping, submit ledgers).</summary>
    public required string WorkDirectory { get; init; }
    /// <summary>APF's baseLogDir: pilot output is kept under baseLogDir/YYYY-MM-DD/queue/.</summary>
    public required string BaseLogDirectory { get; init; }
    /// <summary>APF's maxperfactory.maximum: pending + running pilots over all queues. Null means no cap.</summary>
    public int? MaxPerFactory { get; init; }
    /// <summary>How often the WMS status service reads each source.</summary>
    public TimeSpan WmsStatusInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How often the batch status service reads each source.</summary>
    public TimeSpan BatchStatusInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Where pilots report start, heartbeat and end (the monitor's URL); null: pilots write reports to their log folder only.</summary>
    public string? MonitorUrl { get; init; }
    public Settings Raw { get; init; } = Settings.Empty;

    public static FactorySettings Read(SettingsReader r, string baseDirectory)
    {
        var id = r.String("factoryId") ?? r.String("factory.id") ?? "";
        if (id.Length == 0) r.Error("factoryId", "is required (names the factory in pilot labels)");
        else if (!NamePattern().IsMatch(id)) r.Error("factoryId", $"'{id}' may hold only letters, digits, '_' and '-'");
        var work = Resolve(baseDirectory, r.String("workDir") ?? "var");
        return new FactorySettings
        {
            FactoryId = id,
            WorkDirectory = work,
            BaseLogDirectory = Resolve(baseDirectory, r.String("baseLogDir") ?? Path.Combine(work, "logs")),
            MaxPerFactory = r.OptionalInt("maxperfactory.maximum", min: 0),
            WmsStatusInterval = r.Seconds("wmsstatus.sleep", TimeSpan.FromSeconds(30), min: TimeSpan.FromMilliseconds(100)),
            BatchStatusInterval = r.Seconds("batchstatus.sleep", TimeSpan.FromSeconds(30), min: TimeSpan.FromMilliseconds(100)),
            MonitorUrl = r.String("monitorURL"),
            Raw = r.Settings,
        };
    }

    public static string Resolve(string baseDirectory, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    internal static partial Regex NamePattern();
}
