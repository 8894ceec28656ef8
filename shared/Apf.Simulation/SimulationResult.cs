namespace Apf.Simulation;

/// <summary>One point of the time series, summed over all queues.</summary>
public readonly record struct SeriesPoint(long Time, int ReadyJobs, int PendingPilots, int RunningPilots);

/// <summary>The figures of one chain on one workload.</summary>
public sealed record SimulationResult
{
    public required string Chain { get; init; }
    public required int Queues { get; init; }
    public required long Jobs { get; init; }
    /// <summary>Jobs that never started before the end of the simulation (their wait counts up to the end).</summary>
    public required long JobsNeverStarted { get; init; }
    public required double WaitP50Seconds { get; init; }
    public required double WaitP95Seconds { get; init; }
    public required double WaitMaxSeconds { get; init; }
    public required double WaitMeanSeconds { get; init; }
    public required long PilotsSubmitted { get; init; }
    public required long PilotsStarted { get; init; }
    public required long PilotsRetired { get; init; }
    /// <summary>Started pilots that ran no job.</summary>
    public required long EmptyPilots { get; init; }
    public double EmptyFraction => PilotsStarted == 0 ? 0 : (double)EmptyPilots / PilotsStarted;
    public required double IdlePilotHours { get; init; }
    public required double BusyPilotHours { get; init; }
    /// <summary>Most pilots ever pending at once in one queue (the cap a MaxPending applies to).</summary>
    public required int PeakPendingPerQueue { get; init; }
    /// <summary>Most pilots ever pending at once over all queues.</summary>
    public required int PeakPendingTotal { get; init; }
    /// <summary>Chain evaluations (one per queue per cycle).</summary>
    public required long Evaluations { get; init; }
    /// <summary>Evaluations that became a command: submit or retire.</summary>
    public required long Decisions { get; init; }
    public required long SimulatedSeconds { get; init; }
    public required IReadOnlyList<SeriesPoint> Series { get; init; }
}
