namespace Apf.Contracts;

/// <summary>Result of a <see cref="SubmitPilots"/> command: the batch ids created, or the error.</summary>
public sealed record PilotsSubmitted
{
    public Guid CommandId { get; init; }
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public int Requested { get; init; }
    public IReadOnlyList<string> BatchIds { get; init; } = [];
    /// <summary>True when the pilots already existed (a redelivered command found its own pilots).</summary>
    public bool AlreadyApplied { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
    public string? SubmitterInstance { get; init; }
}
