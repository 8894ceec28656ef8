namespace Apf.Contracts;

/// <summary>Event: the factory configuration changed; services apply it at their next cycle.</summary>
public sealed record ConfigChanged
{
    public long Version { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string? ChangedBy { get; init; }
    /// <summary>Queues added, changed or removed; empty means "reload everything".</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];
    public string? Summary { get; init; }
}
