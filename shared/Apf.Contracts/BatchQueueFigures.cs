namespace Apf.Contracts;

/// <summary>
/// The pilots of one Apf queue as a batch system sees them, in APF's vocabulary:
/// pending (idle, held), running, done (finished or removed) and failed (non-zero exit).
/// </summary>
public sealed record BatchQueueFigures
{
    public int Pending { get; init; }
    public int Running { get; init; }
    public int Done { get; init; }
    public int Failed { get; init; }

    /// <summary>Pilots that ended within the recent window (the Throttle plugin's input).</summary>
    public int RecentlyEnded { get; init; }

    /// <summary>Of <see cref="RecentlyEnded"/>, those that ran shorter than the short-run threshold.</summary>
    public int RecentlyEndedShort { get; init; }
}
