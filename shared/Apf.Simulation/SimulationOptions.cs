using Apf.Core.Configuration;
using Apf.Simulation.Batch;

namespace Apf.Simulation;

/// <summary>
/// The factory's timing rules and the simulated batch system, read from flat APF keys (the factory's
/// own keys where one exists: apfqueue.sleep, apfqueue.maxage, batchstatus.sleep, wmsstatus.sleep).
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>apfqueue.sleep: seconds between cycles.</summary>
    public TimeSpan Sleep { get; init; } = QueueOptions.DefaultSleep;
    /// <summary>apfqueue.maxage: status older than this is stale.</summary>
    public TimeSpan MaxAge { get; init; } = QueueOptions.DefaultMaxAge;
    public TimeSpan BatchStatusInterval { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan WmsStatusInterval { get; init; } = TimeSpan.FromSeconds(30);
    public DelayDistribution BatchDelay { get; init; } = DelayDistribution.Default;
    /// <summary>From the decision until the batch system shows the pilots (the Submitter's round trip).</summary>
    public TimeSpan SubmitLatency { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Pilots one queue's site runs at once; an eligible pilot waits for a free slot.</summary>
    public int SiteSlots { get; init; } = 200;
    /// <summary>A pilot with no job for this long ends.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>A pilot takes no new job after this long.</summary>
    public TimeSpan PilotLifetime { get; init; } = TimeSpan.FromHours(12);
    /// <summary>Interval of the time series.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>How long the simulation goes on after the last arrival, so late jobs can start.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromHours(6);
    /// <summary>Seeds the batch delays (each queue has its own stream).</summary>
    public int Seed { get; init; } = 1;

    public static SimulationOptions Read(SettingsReader r, int seed)
    {
        var d = new SimulationOptions();
        var delayText = r.String("sim.batch.delay");
        var delay = d.BatchDelay;
        if (delayText is not null)
        {
            delay = DelayDistribution.TryParse(delayText, out var why) ?? d.BatchDelay;
            if (why.Length > 0) r.Error("sim.batch.delay", why);
        }
        return new SimulationOptions
        {
            Sleep = r.Seconds("apfqueue.sleep", d.Sleep, min: TimeSpan.FromSeconds(1)),
            MaxAge = r.Seconds("apfqueue.maxage", d.MaxAge, min: TimeSpan.FromSeconds(1)),
            BatchStatusInterval = r.Seconds("batchstatus.sleep", d.BatchStatusInterval, min: TimeSpan.FromSeconds(1)),
            WmsStatusInterval = r.Seconds("wmsstatus.sleep", d.WmsStatusInterval, min: TimeSpan.FromSeconds(1)),
            BatchDelay = delay,
            SubmitLatency = r.Seconds("sim.batch.submitlatency", d.SubmitLatency, min: TimeSpan.Zero),
            SiteSlots = r.Int("sim.batch.slots", d.SiteSlots, min: 1),
            IdleTimeout = r.Seconds("sim.pilot.idletimeout", d.IdleTimeout, min: TimeSpan.FromSeconds(1)),
            PilotLifetime = r.Seconds("sim.pilot.lifetime", d.PilotLifetime, min: TimeSpan.FromSeconds(1)),
            SampleInterval = r.Seconds("sim.sample", d.SampleInterval, min: TimeSpan.FromSeconds(1)),
            Drain = r.Seconds("sim.drain", d.Drain, min: TimeSpan.Zero),
            Seed = seed,
        };
    }
}
