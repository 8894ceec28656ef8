using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.ClassAds;
using Apf.Plugins.HTCondor.Commands;

namespace Apf.Plugins.HTCondor.Status;

/// <summary>
/// Batch status "Condor": the factory's pilots in one schedd (condor_q) plus those that ended within
/// the recent window (condor_history), grouped by the queue attribute (MATCH_APF_QUEUE).
/// </summary>
public sealed class CondorBatchStatus(CondorJobReader reader, CondorBatchStatusOptions options, TimeProvider clock) : IBatchStatusPlugin
{
    public async Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken)
    {
        if (queues.Count == 0) return new Dictionary<string, BatchQueueFigures>();
        var constraint = options.Constraint();
        var queued = await reader.QueueAsync(constraint, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        IReadOnlyList<CondorJob> history = [];
        if (options.ReadHistory)
        {
            var window = queues.Max(q => q.RecentWindow);
            history = await reader.HistoryAsync(constraint, now - (long)window.TotalSeconds, cancellationToken).ConfigureAwait(false);
        }
        return CondorFigures.Count(queued, history, queues, now);
    }
}

public sealed record CondorBatchStatusOptions
{
    public required string Factory { get; init; }
    public string QueueAttribute { get; init; } = PilotAttributes.Queue;
    /// <summary>Count pilots of every factory on the schedd (APF-era pilots carry no ApfFactory).</summary>
    public bool AllFactories { get; init; }
    public bool ReadHistory { get; init; } = true;

    public string Constraint()
    {
        var hasQueue = $"isString({QueueAttribute})";
        return AllFactories ? hasQueue : $"{PilotAttributes.Factory} =?= {ClassAdLiteral.Quote(Factory)} && {hasQueue}";
    }
}
