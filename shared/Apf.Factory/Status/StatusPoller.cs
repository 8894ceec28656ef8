using Apf.Core.Configuration;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Status;

/// <summary>
/// A status service's loop: reads every source once per interval and publishes one snapshot per
/// source. Sources are read concurrently, each under its queues' plugin timeout, and a failing source
/// publishes a snapshot carrying the error, which marks only its own queues as missing.
/// </summary>
public abstract class StatusPoller<TSnapshot>(
    IFactoryConfigProvider config,
    IBus bus,
    TimeProvider time,
    ILogger logger) : BackgroundService where TSnapshot : class
{
    /// <summary>"WMS status" or "batch status", for logs and timeout messages.</summary>
    protected abstract string Kind { get; }

    protected abstract TimeSpan IntervalOf(FactoryConfig config);

    protected abstract string SourceOf(QueueDefinition queue);

    /// <summary>Reads one source for its queues; <paramref name="observedAt"/> is when the read started.</summary>
    protected abstract Task<TSnapshot> ReadAsync(string source, IReadOnlyList<QueueDefinition> queues, DateTimeOffset observedAt, CancellationToken cancellationToken);

    protected abstract TSnapshot Failed(string source, IReadOnlyList<QueueDefinition> queues, DateTimeOffset observedAt, string error);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Hosting.WorkerTurn.RunAsync(PollOnceAsync, logger, $"{Kind} poll", stoppingToken);
            await Task.Delay(IntervalOf(config.Current), time, stoppingToken).ConfigureAwait(false);
        }
    }

    public Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var sources = config.Current.EnabledQueues.GroupBy(SourceOf);
        return Task.WhenAll(sources.Select(s => PollSourceAsync(s.Key, s.ToList(), cancellationToken)));
    }

    private async Task PollSourceAsync(string source, IReadOnlyList<QueueDefinition> queues, CancellationToken cancellationToken)
    {
        var observedAt = time.GetUtcNow();
        var timeout = queues.Min(q => q.Options.PluginTimeout);
        TSnapshot snapshot;
        try
        {
            snapshot = await PluginCall.WithTimeoutAsync(
                ct => ReadAsync(source, queues, observedAt, ct), timeout, $"{Kind} {source}", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Kind} {Source} failed for queues {Queues}: {Reason}", Kind, source, string.Join(",", queues.Select(q => q.Name)), PluginCall.Describe(e));
            snapshot = Failed(source, queues, observedAt, PluginCall.Describe(e));
        }
        await bus.PublishWithinLimit(snapshot, time, cancellationToken).ConfigureAwait(false);
    }
}
