using Apf.Contracts;

namespace Apf.Monitoring.Api;

/// <summary>One row of the overview (GET /api/queues).</summary>
public sealed record QueueSummary
{
    public required string Queue { get; init; }
    public string? Factory { get; init; }
    /// <summary>ok, starved, flooding, erroring, stale, or waiting (no decision yet).</summary>
    public required string Health { get; init; }
    public long Cycle { get; init; }
    public long ConfigVersion { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>Seconds since the last decision, at <see cref="QueueList.ServerTime"/>.</summary>
    public double? AgeSeconds { get; init; }
    public WmsQueueFigures? Wms { get; init; }
    public string WmsState { get; init; } = "missing";
    public BatchQueueFigures? Batch { get; init; }
    public string BatchState { get; init; } = "missing";
    public int InFlight { get; init; }
    public int Decision { get; init; }
    public string? Action { get; init; }
    public string? Explanation { get; init; }
    public IReadOnlyList<DecisionStep> Steps { get; init; } = [];
    public string? Error { get; init; }
    public string? LastSubmitError { get; init; }
    public required PilotFigures Pilots { get; init; }
}

/// <summary>A queue's pilots as they reported themselves, and what the factory submitted.</summary>
public sealed record PilotFigures
{
    public int Asked { get; init; }
    public int Created { get; init; }
    public int SubmitFailures { get; init; }
    public int Retired { get; init; }
    public int Running { get; init; }
    public int Lost { get; init; }
    public int Ended { get; init; }
    public int Empty { get; init; }
    public int JobsRun { get; init; }
    public int RecentlyEnded { get; init; }
    public int RecentlyEndedShort { get; init; }
}

public sealed record QueueList(DateTimeOffset ServerTime, IReadOnlyList<QueueSummary> Queues);

/// <summary>GET /api/queues/{name}: the row, its recent decisions and pilots.</summary>
public sealed record QueueDetail(DateTimeOffset ServerTime, QueueSummary Summary, IReadOnlyList<QueueDecided> Decisions, IReadOnlyList<PilotView> Pilots);

/// <summary>One cycle of a queue, as charted.</summary>
public sealed record HistoryPoint
{
    public DateTimeOffset At { get; init; }
    public long Cycle { get; init; }
    public int Ready { get; init; }
    public int WmsRunning { get; init; }
    public int Pending { get; init; }
    public int Running { get; init; }
    public int InFlight { get; init; }
    public int Decision { get; init; }
    /// <summary>Pilots the cycle asked to submit (0 when it held back or retired).</summary>
    public int Submitted { get; init; }
    /// <summary>Empty pilots of the queue so far (ended without running a job).</summary>
    public int EmptyPilots { get; init; }
}

public sealed record QueueHistory(string Queue, int Capacity, IReadOnlyList<HistoryPoint> Points);

/// <summary>A pilot as the page shows it.</summary>
public sealed record PilotView
{
    public required string PilotId { get; init; }
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    /// <summary>running, ended or lost.</summary>
    public required string State { get; init; }
    public string? Host { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public int? ExitCode { get; init; }
    public double? WallSeconds { get; init; }
    public int JobsRun { get; init; }
    public int JobsFailed { get; init; }
    public IReadOnlyDictionary<string, string>? Profile { get; init; }
    public string? Message { get; init; }
}
