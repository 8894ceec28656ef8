using Apf.Contracts;

namespace Apf.Core.Plugins;

/// <summary>
/// Reads the pilots a batch system holds for Apf queues (grouped by the queue label every pilot carries).
/// </summary>
public interface IBatchStatusPlugin
{
    /// <summary>Figures per Apf queue asked. A queue with no pilots reads as all zeros.</summary>
    Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken);
}

/// <summary>One Apf queue to report on, with the window the Throttle plugin judges short pilots in.</summary>
public sealed record BatchStatusQuery(string Queue, TimeSpan RecentWindow, TimeSpan ShortRun);
