namespace Apf.Core.Configuration;

/// <summary>
/// A validated factory configuration. Factory-level errors make the whole configuration unusable;
/// a queue's errors only disable that queue.
/// </summary>
public sealed record FactoryConfig
{
    public required string Source { get; init; }
    public long Version { get; init; }
    public required FactorySettings Factory { get; init; }
    /// <summary>Valid queues, enabled or not.</summary>
    public IReadOnlyList<QueueDefinition> Queues { get; init; } = [];
    public IReadOnlyList<InvalidQueue> InvalidQueues { get; init; } = [];
    /// <summary>Errors that concern the whole file (unreadable, bad factory section).</summary>
    public IReadOnlyList<ConfigError> Errors { get; init; } = [];
    /// <summary>Keys nobody reads (typos, APF keys Apf does not implement).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];

    public bool IsUsable => Errors.Count == 0;

    public IEnumerable<QueueDefinition> EnabledQueues => Queues.Where(q => q.Options.Enabled);

    public IEnumerable<ConfigError> AllErrors => Errors.Concat(InvalidQueues.SelectMany(q => q.Errors));
}
