using System.Collections.Concurrent;
using Apf.Contracts;

namespace Apf.Factory.Pilots;

/// <summary>
/// What pilots said about themselves: started, ended, jobs run. An "empty pilot" ended without finding
/// a job — the waste a good scheduler chain keeps low.
/// </summary>
public sealed class PilotTracker
{
    private readonly ConcurrentDictionary<string, PilotRecord> _pilots = new(StringComparer.Ordinal);

    /// <summary>Raised after every event with the pilot's updated record (the monitor pushes it to open pages).</summary>
    public event Action<PilotEvent, PilotRecord>? Changed;

    public void Apply(PilotEvent e)
    {
        var record = _pilots.AddOrUpdate(e.PilotId,
            _ => PilotRecord.From(e),
            (_, held) => held.With(e));
        Changed?.Invoke(e, record);
    }

    public IReadOnlyCollection<PilotRecord> Pilots => _pilots.Values.ToList();

    /// <summary>Forgets pilots not heard of since <paramref name="cutoff"/> (ended or lost long ago), so a long-running factory's memory stays bounded.</summary>
    public IReadOnlyList<string> Forget(DateTimeOffset cutoff)
    {
        var gone = _pilots.Values.Where(p => p.LastSeenAt < cutoff).Select(p => p.PilotId).ToList();
        foreach (var id in gone) _pilots.TryRemove(id, out _);
        return gone;
    }

    public PilotCounts CountsFor(string? queue = null)
    {
        var pilots = _pilots.Values.Where(p => queue is null || p.Queue == queue).ToList();
        return new PilotCounts(
            Started: pilots.Count(p => p.StartedAt is not null),
            Ended: pilots.Count(p => p.EndedAt is not null),
            Empty: pilots.Count(p => p.EndedAt is not null && p.JobsRun == 0),
            JobsRun: pilots.Sum(p => p.JobsRun),
            JobsFailed: pilots.Sum(p => p.JobsFailed));
    }

    /// <summary>
    /// Pilots of a queue that reported their end within <paramref name="window"/> before <paramref name="now"/>,
    /// and of those, how many ran shorter than <paramref name="shortRun"/>: the same figures as
    /// <see cref="BatchQueueFigures.RecentlyEnded"/>/<see cref="BatchQueueFigures.RecentlyEndedShort"/>, from the
    /// pilots' own reports instead of the batch system (an alternative source for the Throttle plugin).
    /// </summary>
    public (int Ended, int EndedShort) RecentlyEnded(string queue, DateTimeOffset now, TimeSpan window, TimeSpan shortRun)
    {
        var ended = _pilots.Values.Where(p => p.Queue == queue && p.EndedAt is { } end && now - end <= window).ToList();
        return (ended.Count, ended.Count(p => p.WallTime is { } wall && wall < shortRun));
    }
}

public sealed record PilotCounts(int Started, int Ended, int Empty, int JobsRun, int JobsFailed);

public sealed record PilotRecord
{
    public required string PilotId { get; init; }
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public string? Host { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int? ExitCode { get; init; }
    public int JobsRun { get; init; }
    public int JobsFailed { get; init; }
    public IReadOnlyDictionary<string, string>? Profile { get; init; }
    public string? Message { get; init; }

    /// <summary>From start to end, once both were reported.</summary>
    public TimeSpan? WallTime => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    public static PilotRecord From(PilotEvent e) => new PilotRecord
    {
        PilotId = e.PilotId,
        Factory = e.Factory,
        Queue = e.Queue,
        LastSeenAt = e.At,
    }.With(e);

    public PilotRecord With(PilotEvent e) => this with
    {
        Host = e.Host ?? Host,
        StartedAt = e.Kind == "start" ? e.At : StartedAt,
        EndedAt = e.Kind == "end" ? e.At : EndedAt,
        ExitCode = e.Kind == "end" ? e.ExitCode : ExitCode,
        JobsRun = Math.Max(JobsRun, e.JobsRun),
        JobsFailed = Math.Max(JobsFailed, e.JobsFailed),
        Profile = e.Profile ?? Profile,
        Message = e.Message ?? Message,
        LastSeenAt = e.At > LastSeenAt ? e.At : LastSeenAt,
    };
}
