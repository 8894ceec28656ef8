using Apf.Contracts;

namespace Apf.Factory.Scheduling;

/// <summary>What one queue's cycle decided, and the command to send, if any.</summary>
public sealed record CycleOutcome(QueueDecided Decision, SubmitPilots? Submit, RetirePilots? Retire, Guid? BatchSnapshotId);
