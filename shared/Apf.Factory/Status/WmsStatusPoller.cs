using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Factory.Configuration;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Status;

/// <summary>
/// The WmsStatus service's loop: reads every WMS source once per interval and publishes one snapshot
/// per source. Sources are read concurrently and a failing source only marks its own queues.
/// </summary>
public sealed class WmsStatusPoller(
    IFactoryConfigProvider config,
    IBus bus,
    TimeProvider time,
    ILogger<WmsStatusPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Hosting.WorkerTurn.RunAsync(PollOnceAsync, logger, "WMS status poll", stoppingToken);
            await Task.Delay(config.Current.Factory.WmsStatusInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var sources = config.Current.EnabledQueues.GroupBy(q => q.WmsSource);
        return Task.WhenAll(sources.Select(s => ReadSourceAsync(s.Key, s.ToList(), cancellationToken)));
    }

    private async Task ReadSourceAsync(string source, IReadOnlyList<QueueDefinition> queues, CancellationToken cancellationToken)
    {
        var wmsQueues = queues.Select(q => q.Options.WmsQueue).Distinct().ToList();
        var timeout = queues.Min(q => q.Options.PluginTimeout);
        WmsStatusObserved snapshot;
        try
        {
            var figures = await PluginCall.WithTimeoutAsync(
                ct => queues[0].WmsStatus.ReadAsync(wmsQueues, ct), timeout, $"WMS status {source}", cancellationToken);
            snapshot = new WmsStatusObserved
            {
                SnapshotId = NewId.NextGuid(),
                Source = source,
                ObservedAt = time.GetUtcNow(),
                Queues = figures,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("WMS status {Source} failed for queues {Queues}: {Reason}", source, string.Join(",", queues.Select(q => q.Name)), PluginCall.Describe(e));
            snapshot = new WmsStatusObserved
            {
                SnapshotId = NewId.NextGuid(),
                Source = source,
                ObservedAt = time.GetUtcNow(),
                Error = PluginCall.Describe(e),
            };
        }
        await bus.Publish(snapshot, cancellationToken).ConfigureAwait(false);
    }
}
