namespace Apf.Contracts;

/// <summary>What a pilot wrapper reports about itself: start, heartbeat or end.</summary>
public sealed record PilotEvent
{
    public required string Factory { get; init; }
    public required string Queue { get; init; }
    public required string PilotId { get; init; }
    /// <summary>"start", "heartbeat" or "end".</summary>
    public required string Kind { get; init; }
    public DateTimeOffset At { get; init; }
    public int? ExitCode { get; init; }
    public int JobsRun { get; init; }
    public int JobsFailed { get; init; }
    public string? Host { get; init; }
    /// <summary>The node profile the wrapper measured (cpus, memory, disk, commands found).</summary>
    public IReadOnlyDictionary<string, string>? Profile { get; init; }
    public string? Message { get; init; }
}
