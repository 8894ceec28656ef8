using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Status;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Scheduling;

/// <summary>
/// The Scheduler service's loop: runs each enabled queue's cycle every <c>apfqueue.sleep</c> and sends the
/// resulting command. It reads the configuration at every tick, so queues added, removed or changed
/// take effect without a restart. A queue whose cycle fails reports the error; the others go on.
/// </summary>
public sealed class SchedulerLoop(
    IFactoryConfigProvider config,
    QueueCycle cycle,
    StatusCache cache,
    InFlightLedger ledger,
    IBus bus,
    TimeProvider time,
    RestartGuard restart,
    ILogger<SchedulerLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private readonly Dictionary<string, QueueClock> _clocks = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Hosting.WorkerTurn.RunAsync(RunDueQueuesAsync, logger, "Scheduler cycle", stoppingToken);
            await Task.Delay(Tick, time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every queue whose cycle is due now.</summary>
    public async Task RunDueQueuesAsync(CancellationToken cancellationToken)
    {
        var current = config.Current;
        var now = time.GetUtcNow();
        var queues = current.EnabledQueues.ToList();
        foreach (var gone in _clocks.Keys.Except(queues.Select(q => q.Name)).ToList()) _clocks.Remove(gone);
        ledger.Prune(q => BatchObservedAt(current, q), now, q => CommandExpiry(current, q));

        var totals = FactoryTotalsOf(queues);
        foreach (var queue in queues)
        {
            var clock = _clocks.TryGetValue(queue.Name, out var c) ? c : _clocks[queue.Name] = new QueueClock(now);
            if (now < clock.NextDue || !ReadyForFirstCycle(queue, clock, now)) continue;
            clock.NextDue = now + queue.Options.Sleep;
            clock.Cycle++;
            await RunQueueAsync(current, queue, clock, now, totals, cancellationToken);
        }
    }

    private async Task RunQueueAsync(FactoryConfig current, QueueDefinition queue, QueueClock clock, DateTimeOffset now, FactoryTotals totals, CancellationToken cancellationToken)
    {
        CycleOutcome outcome;
        try
        {
            outcome = cycle.Run(current, queue, clock.Cycle, now, totals, clock.LastCommandSnapshot);
        }
        catch (Exception e)
        {
            logger.LogError("Queue {Queue} cycle {Cycle} failed: {Reason}", queue.Name, clock.Cycle, PluginCall.Describe(e));
            await bus.PublishWithinLimit(new QueueDecided
            {
                Factory = current.Factory.FactoryId,
                Queue = queue.Name,
                Cycle = clock.Cycle,
                ConfigVersion = current.Version,
                DecidedAt = now,
                Explanation = "",
                Action = "none: cycle failed",
                Error = PluginCall.Describe(e),
            }, time, cancellationToken);
            return;
        }
        if (outcome.Submit is not null && restart.HoldReason(queue.Options, now, cache.Batch(queue.BatchSource)) is { } hold)
        {
            await bus.PublishWithinLimit(outcome.Decision with { Action = hold, CommandId = null }, time, cancellationToken);
            return;
        }
        if (outcome.Submit is { } submit)
        {
            ledger.Sent(submit);
            clock.LastCommandSnapshot = outcome.BatchSnapshotId;
            await bus.PublishWithinLimit(submit, time, cancellationToken);
        }
        else if (outcome.Retire is { } retire)
        {
            clock.LastCommandSnapshot = outcome.BatchSnapshotId;
            await bus.PublishWithinLimit(retire, time, cancellationToken);
        }
        await bus.PublishWithinLimit(outcome.Decision, time, cancellationToken);
    }

    // APF waits for both status plugins before a queue's first cycle; wait at most one sleep interval.
    private bool ReadyForFirstCycle(QueueDefinition queue, QueueClock clock, DateTimeOffset now) =>
        clock.Cycle > 0
        || (cache.Wms(queue.WmsSource) is not null && cache.Batch(queue.BatchSource) is not null)
        || now - _startedAt >= queue.Options.Sleep;

    private FactoryTotals FactoryTotalsOf(IEnumerable<QueueDefinition> queues)
    {
        int pending = 0, running = 0;
        foreach (var queue in queues)
        {
            var snapshot = cache.Batch(queue.BatchSource);
            if (snapshot?.Queues.GetValueOrDefault(queue.Name) is { } figures)
            {
                pending += figures.Pending;
                running += figures.Running;
            }
            pending += ledger.InFlight(queue.Name, snapshot?.ObservedAt ?? DateTimeOffset.MinValue);
        }
        return new FactoryTotals(pending, running);
    }

    /// <summary>How old a submit command may be when a Submitter applies it (see SubmitPilotsConsumer).</summary>
    private static TimeSpan CommandExpiry(FactoryConfig current, string queueName) =>
        current.Queues.FirstOrDefault(q => q.Name == queueName) is { } queue
            ? queue.Options.CommandExpiry
            : TimeSpan.Zero; // a queue that is gone: its commands are refused

    private DateTimeOffset? BatchObservedAt(FactoryConfig current, string queueName)
    {
        var queue = current.Queues.FirstOrDefault(q => q.Name == queueName);
        return queue is null ? null : cache.Batch(queue.BatchSource)?.ObservedAt;
    }

    private sealed class QueueClock(DateTimeOffset firstDue)
    {
        public DateTimeOffset NextDue { get; set; } = firstDue;
        public long Cycle { get; set; }
        public Guid? LastCommandSnapshot { get; set; }
    }
}
