using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Factory.Configuration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Status;

/// <summary>
/// The BatchStatus service's loop: one <see cref="BatchStatusObserved"/> per batch source per interval,
/// with figures for each Apf queue it serves. Its time is when the read started: a pilot submitted
/// after that may be missing from the figures, and the Scheduler counts it as in flight.
/// </summary>
public sealed class BatchStatusPoller(IFactoryConfigProvider config, IBus bus, TimeProvider time, ILogger<BatchStatusPoller> logger)
    : StatusPoller<BatchStatusObserved>(config, bus, time, logger)
{
    protected override string Kind => "batch status";

    protected override TimeSpan IntervalOf(FactoryConfig config) => config.Factory.BatchStatusInterval;

    protected override string SourceOf(QueueDefinition queue) => queue.BatchSource;

    protected override async Task<BatchStatusObserved> ReadAsync(string source, IReadOnlyList<QueueDefinition> queues, DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        var asked = queues.Select(q => new BatchStatusQuery(q.Name, q.RecentWindow, q.ShortRun)).ToList();
        var figures = await queues[0].BatchStatus.ReadAsync(asked, cancellationToken).ConfigureAwait(false);
        return new BatchStatusObserved
        {
            SnapshotId = NewId.NextGuid(),
            Source = source,
            ObservedAt = observedAt,
            Queues = figures,
            QueuesAsked = asked.Select(a => a.Queue).ToList(),
        };
    }

    protected override BatchStatusObserved Failed(string source, IReadOnlyList<QueueDefinition> queues, DateTimeOffset observedAt, string error) =>
        new() { SnapshotId = NewId.NextGuid(), Source = source, ObservedAt = observedAt, QueuesAsked = queues.Select(q => q.Name).ToList(), Error = error };
}
