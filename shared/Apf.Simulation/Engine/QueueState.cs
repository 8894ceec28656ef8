using Apf.Core.Scheduling;

namespace Apf.Simulation.Engine;

/// <summary>One simulated queue: its WMS jobs, its pilots in the batch system, and what the factory knows of them.</summary>
internal sealed class QueueState(int index, string name, SchedulerChain chain, Random delays)
{
    public int Index { get; } = index;
    public string Name { get; } = name;
    public SchedulerChain Chain { get; } = chain;
    public Random Delays { get; } = delays;

    // The simulated WMS: activated jobs in arrival order, and jobs running.
    public Queue<int> Ready { get; } = new();
    public int JobsRunning { get; set; }

    // The simulated batch system.
    public LinkedList<Pilot> Pending { get; } = new();
    public Queue<Pilot> WaitingForSlot { get; } = new();
    public Queue<(Pilot Pilot, long Stamp)> Idle { get; } = new();
    public int Running { get; set; }

    // What the factory last read, and its in-flight ledger.
    public BatchSnapshot? Batch { get; set; }
    public WmsSnapshot? Wms { get; set; }
    public Queue<(long At, int Count)> Submissions { get; } = new();
    public long SubmittedTotal { get; set; }
    public long LastCommandSnapshot { get; set; } = -1;

    public int PeakPending { get; set; }
}

internal sealed record BatchSnapshot(long Id, long ObservedAt, int Pending, int Running);

internal sealed record WmsSnapshot(long ObservedAt, int Ready, int Running);
