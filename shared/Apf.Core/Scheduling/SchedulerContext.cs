using Apf.Contracts;

namespace Apf.Core.Scheduling;

/// <summary>
/// Everything a scheduler chain may look at for one queue in one cycle. A value type passed by
/// reference so that evaluating a chain allocates nothing.
/// </summary>
public readonly record struct SchedulerContext
{
    public DateTimeOffset Now { get; init; }

    // WMS side (APF: ready = activated jobs).
    public StatusState WmsState { get; init; }
    public int Ready { get; init; }
    public int NotReady { get; init; }
    public int WmsRunning { get; init; }
    public SiteState Site { get; init; }

    // Batch side. Pending already includes in-flight pilots (submitted, not yet seen by batch status).
    public StatusState BatchState { get; init; }
    public int Pending { get; init; }
    public int Running { get; init; }
    public int InFlight { get; init; }
    public int RecentlyEnded { get; init; }
    public int RecentlyEndedShort { get; init; }

    // Factory-wide pilots (pending incl. in-flight, and running) over all queues, for MaxPerFactory.
    public int FactoryPending { get; init; }
    public int FactoryRunning { get; init; }

    /// <summary>Pilots this queue has submitted since the factory started (MaxToSubmit).</summary>
    public long SubmittedTotal { get; init; }

    public bool WmsUsable => WmsState == StatusState.Fresh;
    public bool BatchUsable => BatchState == StatusState.Fresh;
}
