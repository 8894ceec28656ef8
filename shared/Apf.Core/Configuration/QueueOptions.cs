namespace Apf.Core.Configuration;

/// <summary>
/// The keys every queue has, whatever its plugins (APF's queues.conf). Plugin keys are read by the
/// plugins themselves.
/// </summary>
public sealed record QueueOptions
{
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>APF's wmsqueue: the WMS queue this Apf queue serves (defaults to the queue's name).</summary>
    public required string WmsQueue { get; init; }
    /// <summary>APF's batchqueue: the batch system's queue or partition, when the submit plugin uses one.</summary>
    public string? BatchQueue { get; init; }
    public required string WmsStatusPlugin { get; init; }
    public required string BatchStatusPlugin { get; init; }
    public required string BatchSubmitPlugin { get; init; }
    public required IReadOnlyList<string> SchedPlugins { get; init; }
    /// <summary>APF's apfqueue.sleep: seconds between cycles.</summary>
    public TimeSpan Sleep { get; init; }

    /// <summary>APF's default apfqueue.sleep.</summary>
    public static readonly TimeSpan DefaultSleep = TimeSpan.FromSeconds(360);

    /// <summary>APF's default apfqueue.maxage.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(360);
    /// <summary>Status older than this counts as missing (APF's maxage).</summary>
    public TimeSpan MaxAge { get; init; }
    /// <summary>
    /// How old a submit or retire command may be when a Submitter applies it (apfqueue.sleep +
    /// apfqueue.maxage): a decision taken on figures that are stale by now must not reach the site.
    /// </summary>
    public TimeSpan CommandExpiry => Sleep + MaxAge;

    /// <summary>A plugin call that takes longer fails for this queue only.</summary>
    public TimeSpan PluginTimeout { get; init; }
    /// <summary>The pilot wrapper; null means Apf's own.</summary>
    public string? Executable { get; init; }
    public IReadOnlyList<string> ExecutableArguments { get; init; } = [];
    public int CleanLogsKeepDays { get; init; }
    /// <summary>How long a pilot may live; the wrapper stops claiming work after it (APF_PILOT_LIFETIME).</summary>
    public TimeSpan PilotLifetime { get; init; }

    public static QueueOptions Read(string name, SettingsReader r, string baseDirectory)
    {
        if (!FactorySettings.NamePattern().IsMatch(name))
            r.Error("queues", $"queue name '{name}' may hold only letters, digits, '_' and '-'");
        var sched = r.List("schedplugin");
        if (sched.Count == 0) r.Error("schedplugin", "is required: the scheduler chain, e.g. 'Ready, MaxPerCycle, MaxPending'");
        var executable = r.String("executable");
        return new QueueOptions
        {
            Name = name,
            Enabled = r.Bool("enabled", true),
            WmsQueue = r.String("wmsqueue") ?? name,
            BatchQueue = r.String("batchqueue"),
            WmsStatusPlugin = r.RequiredString("wmsstatusplugin"),
            BatchStatusPlugin = r.RequiredString("batchstatusplugin"),
            BatchSubmitPlugin = r.RequiredString("batchsubmitplugin"),
            SchedPlugins = sched,
            Sleep = r.Seconds("apfqueue.sleep", DefaultSleep, min: TimeSpan.FromMilliseconds(100)),
            MaxAge = r.Seconds("apfqueue.maxage", DefaultMaxAge, min: TimeSpan.FromMilliseconds(100)),
            PluginTimeout = r.Seconds("apfqueue.plugintimeout", TimeSpan.FromSeconds(60), min: TimeSpan.FromMilliseconds(100)),
            Executable = executable is null ? null : FactorySettings.Resolve(baseDirectory, executable),
            ExecutableArguments = ArgumentSplitter.Split(r.String("executable.arguments") ?? ""),
            CleanLogsKeepDays = r.Int("cleanlogs.keepdays", 14, min: 0),
            PilotLifetime = r.Seconds("pilot.lifetime", TimeSpan.FromHours(12), min: TimeSpan.FromSeconds(1)),
        };
    }
}
