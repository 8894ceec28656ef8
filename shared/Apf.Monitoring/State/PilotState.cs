using Apf.Factory.Pilots;

namespace Apf.Monitoring.State;

/// <summary>Where a pilot is, from its own reports and the clock.</summary>
public static class PilotState
{
    public const string Running = "running";
    public const string Ended = "ended";
    public const string Lost = "lost";

    /// <summary>A pilot that has not ended and has been silent longer than <paramref name="lostAfter"/> is lost.</summary>
    public static string Of(PilotRecord pilot, DateTimeOffset now, TimeSpan lostAfter) =>
        pilot.EndedAt is not null ? Ended
        : now - pilot.LastSeenAt > lostAfter ? Lost
        : Running;
}
