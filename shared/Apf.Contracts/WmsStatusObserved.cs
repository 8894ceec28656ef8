namespace Apf.Contracts;

/// <summary>
/// One WMS status source read once: figures for every WMS queue it serves.
/// Published per source per poll, never per job, so message volume grows with queues only.
/// </summary>
public sealed record WmsStatusObserved
{
    public Guid SnapshotId { get; init; }
    /// <summary>The source's key: plugin name and its options, e.g. "DirectoryQueue:/var/apf/jobs".</summary>
    public required string Source { get; init; }
    public DateTimeOffset ObservedAt { get; init; }
    /// <summary>WMS queue name → figures. A queue absent here is "missing", not zero.</summary>
    public IReadOnlyDictionary<string, WmsQueueFigures> Queues { get; init; } = new Dictionary<string, WmsQueueFigures>();
    /// <summary>Set when the read failed: the snapshot then carries no figures.</summary>
    public string? Error { get; init; }
}
