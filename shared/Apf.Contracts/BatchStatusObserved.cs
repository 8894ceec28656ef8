namespace Apf.Contracts;

/// <summary>
/// One batch status source read once: pilot figures for every Apf queue it serves.
/// </summary>
public sealed record BatchStatusObserved
{
    public Guid SnapshotId { get; init; }
    /// <summary>The source's key: plugin name and its options, e.g. "Slurm:debug".</summary>
    public required string Source { get; init; }
    public DateTimeOffset ObservedAt { get; init; }
    /// <summary>Apf queue name → figures. A queue absent here has no pilots in this source.</summary>
    public IReadOnlyDictionary<string, BatchQueueFigures> Queues { get; init; } = new Dictionary<string, BatchQueueFigures>();
    /// <summary>Apf queues this source was asked about (so an absent queue reads as zero pilots, not missing).</summary>
    public IReadOnlyList<string> QueuesAsked { get; init; } = [];
    public string? Error { get; init; }
}
