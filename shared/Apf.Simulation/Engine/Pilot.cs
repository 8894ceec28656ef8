namespace Apf.Simulation.Engine;

internal enum PilotState : byte { Pending, Running, Ended, Retired }

/// <summary>One simulated pilot, from submission to its end.</summary>
/// <param name="submittedAt">When the batch system accepted it (decision + submit latency).</param>
internal sealed class Pilot(int queue, long submittedAt)
{
    public int Queue { get; } = queue;
    public long SubmittedAt { get; } = submittedAt;
    public PilotState State { get; set; }
    public long StartedAt { get; set; } = -1;
    public int JobsRun { get; set; }
    public long BusySeconds { get; set; }
    public bool Busy { get; set; }
    /// <summary>Changes whenever the pilot goes idle, so an idle-timeout event from an earlier idle spell is ignored.</summary>
    public long IdleStamp { get; set; }
    public LinkedListNode<Pilot>? PendingNode { get; set; }
}
