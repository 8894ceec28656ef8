namespace Apf.Contracts;

/// <summary>
/// Event: the Scheduler ran one queue's chain for one cycle. Carries everything needed to explain
/// the number: the inputs it saw, each plugin's step, and the result.
/// </summary>
public sealed record QueueDecided
{
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public long Cycle { get; init; }
    public long ConfigVersion { get; init; }
    public DateTimeOffset DecidedAt { get; init; }
    public WmsQueueFigures? Wms { get; init; }
    public string WmsState { get; init; } = "missing";
    public BatchQueueFigures? Batch { get; init; }
    public string BatchState { get; init; } = "missing";
    public int InFlight { get; init; }
    public int Decision { get; init; }
    public IReadOnlyList<DecisionStep> Steps { get; init; } = [];
    /// <summary>The whole chain in one APF-style line: "Ready:in=0,ready=5,...,ret=5 | MaxPerCycle:...".</summary>
    public required string Explanation { get; init; }
    /// <summary>What the factory did with the decision: "submit", "retire", "none", or why it held back.</summary>
    public required string Action { get; init; }
    public Guid? CommandId { get; init; }
    public string? Error { get; init; }
}

/// <summary>One plugin's step in a chain: input, output and why.</summary>
public sealed record DecisionStep(string Plugin, int Input, int Output, string Explanation);
