namespace Apf.Simulation.Engine;

/// <summary>What happens at an instant. At equal times events run in this order: work and pilots
/// change first, status is read next, the factory decides last (so a cycle sees status of its instant).</summary>
internal enum EventKind : byte
{
    JobEnd = 0,
    /// <summary>Arrivals are not queued as events: they are merged in from the sorted workload.</summary>
    JobArrival = 1,
    PilotEligible = 2,
    IdleCheck = 3,
    BatchStatus = 4,
    WmsStatus = 5,
    Sample = 6,
    Cycle = 7,
}

internal readonly record struct SimEvent(EventKind Kind, Pilot? Pilot = null, long Stamp = 0);

internal readonly record struct EventKey(long Time, EventKind Kind, long Sequence) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var c = Time.CompareTo(other.Time);
        if (c != 0) return c;
        c = Kind.CompareTo(other.Kind);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
