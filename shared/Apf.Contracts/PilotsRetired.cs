namespace Apf.Contracts;

/// <summary>Result of a <see cref="RetirePilots"/> command.</summary>
public sealed record PilotsRetired
{
    public Guid CommandId { get; init; }
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public int Requested { get; init; }
    public IReadOnlyList<string> BatchIds { get; init; } = [];
    public string? Error { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
}
