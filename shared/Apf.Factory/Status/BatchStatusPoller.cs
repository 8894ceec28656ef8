using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Factory.Configuration;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Status;

/// <summary>
/// The BatchStatus service's loop: reads every batch source once per interval and publishes one
/// snapshot per source, with figures for each Apf queue it serves.
/// </summary>
public sealed class BatchStatusPoller(
    IFactoryConfigProvider config,
    IBus bus,
    TimeProvider time,
    ILogger<BatchStatusPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Hosting.WorkerTurn.RunAsync(PollOnceAsync, logger, "Batch status poll", stoppingToken);
            await Task.Delay(config.Current.Factory.BatchStatusInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var sources = config.Current.EnabledQueues.GroupBy(q => q.BatchSource);
        return Task.WhenAll(sources.Select(s => ReadSourceAsync(s.Key, s.ToList(), cancellationToken)));
    }

    private async Task ReadSourceAsync(string source, IReadOnlyList<QueueDefinition> queues, CancellationToken cancellationToken)
    {
        var asked = queues.Select(q => new BatchStatusQuery(q.Name, q.RecentWindow, q.ShortRun)).ToList();
        var timeout = queues.Min(q => q.Options.PluginTimeout);
        var observedAt = time.GetUtcNow();
        BatchStatusObserved snapshot;
        try
        {
            var figures = await PluginCall.WithTimeoutAsync(
                ct => queues[0].BatchStatus.ReadAsync(asked, ct), timeout, $"batch status {source}", cancellationToken);
            snapshot = new BatchStatusObserved
            {
                SnapshotId = NewId.NextGuid(),
                Source = source,
                // The time the read started: a pilot submitted after it may be missing from the figures.
                ObservedAt = observedAt,
                Queues = figures,
                QueuesAsked = asked.Select(a => a.Queue).ToList(),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Batch status {Source} failed for queues {Queues}: {Reason}", source, string.Join(",", queues.Select(q => q.Name)), PluginCall.Describe(e));
            snapshot = new BatchStatusObserved
            {
                SnapshotId = NewId.NextGuid(),
                Source = source,
                ObservedAt = observedAt,
                QueuesAsked = asked.Select(a => a.Queue).ToList(),
                Error = PluginCall.Describe(e),
            };
        }
        await bus.Publish(snapshot, cancellationToken).ConfigureAwait(false);
    }
}
