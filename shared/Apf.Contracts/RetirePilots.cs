namespace Apf.Contracts;

/// <summary>Command: a negative decision; remove up to <see cref="Count"/> idle (pending) pilots of one queue.</summary>
public sealed record RetirePilots
{
    public Guid CommandId { get; init; }
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public int Count { get; init; }
    public long ConfigVersion { get; init; }
    public long Cycle { get; init; }
    public DateTimeOffset DecidedAt { get; init; }
    public required string Explanation { get; init; }
}
