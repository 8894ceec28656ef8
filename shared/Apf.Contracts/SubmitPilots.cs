namespace Apf.Contracts;

/// <summary>Command: submit <see cref="Count"/> pilots for one queue. Applied at most once, keyed by <see cref="CommandId"/>.</summary>
public sealed record SubmitPilots
{
    public Guid CommandId { get; init; }
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public int Count { get; init; }
    public long ConfigVersion { get; init; }
    public long Cycle { get; init; }
    public DateTimeOffset DecidedAt { get; init; }
    /// <summary>The chain's explanation, APF style, one entry per plugin.</summary>
    public required string Explanation { get; init; }
}
