using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Factory.Configuration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Status;

/// <summary>The WmsStatus service's loop: one <see cref="WmsStatusObserved"/> per WMS source per interval.</summary>
public sealed class WmsStatusPoller(IFactoryConfigProvider config, IBus bus, TimeProvider time, ILogger<WmsStatusPoller> logger)
    : StatusPoller<WmsStatusObserved>(config, bus, time, logger)
{
    protected override string Kind => "WMS status";

    protected override TimeSpan IntervalOf(FactoryConfig config) => config.Factory.WmsStatusInterval;

    protected override string SourceOf(QueueDefinition queue) => queue.WmsSource;

    protected override async Task<WmsStatusObserved> ReadAsync(string source, IReadOnlyList<QueueDefinition> queues, DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        var wmsQueues = queues.Select(q => q.Options.WmsQueue).Distinct().ToList();
        var figures = await queues[0].WmsStatus.ReadAsync(wmsQueues, cancellationToken).ConfigureAwait(false);
        return new WmsStatusObserved { SnapshotId = NewId.NextGuid(), Source = source, ObservedAt = observedAt, Queues = figures };
    }

    protected override WmsStatusObserved Failed(string source, IReadOnlyList<QueueDefinition> queues, DateTimeOffset observedAt, string error) =>
        new() { SnapshotId = NewId.NextGuid(), Source = source, ObservedAt = observedAt, Error = error };
}
