namespace Apf.Monitoring;

/// <summary>How the monitor judges and remembers (section "Apf:Monitor").</summary>
public sealed class MonitorOptions
{
    public const string Section = "Apf:Monitor";

    /// <summary>Cycles remembered per queue for the charts (a ring buffer: the oldest go first).</summary>
    public int HistoryLength { get; set; } = 720;

    /// <summary>Decisions remembered per queue with their full chain explanation.</summary>
    public int DecisionHistoryLength { get; set; } = 200;

    /// <summary>Pilots listed per queue on its page (newest first).</summary>
    public int RecentPilots { get; set; } = 50;

    /// <summary>A pilot that has not ended and sent nothing for this long is marked lost.</summary>
    public TimeSpan PilotLostAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Pilots not heard of for this long (ended or lost) are forgotten, keeping memory bounded.</summary>
    public TimeSpan PilotRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often lost pilots are looked for (and counted once each), and old ones forgotten.</summary>
    public TimeSpan LostCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A queue whose last decision is older than this is shown stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Flooding: pending pilots above <c>ready × FloodingFactor</c> ...</summary>
    public double FloodingFactor { get; set; } = 2.0;

    /// <summary>... and at least this many more pending pilots than ready jobs.</summary>
    public int FloodingMinimum { get; set; } = 10;

    /// <summary>Pilots ended within this window count as "recently ended" (the Throttle plugin's input).</summary>
    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A pilot that ran shorter than this is a short run.</summary>
    public TimeSpan ShortRun { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>OTLP collector (e.g. http://collector:4317); none means no OTLP export. OTEL_EXPORTER_OTLP_ENDPOINT also enables it.</summary>
    public string? OtlpEndpoint { get; set; }
}
