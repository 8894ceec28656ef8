using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Scheduling;
using Apf.Factory.Status;
using MassTransit;

namespace Apf.Factory.Scheduling;

/// <summary>
/// One queue's cycle: reads the cached status, adds in-flight pilots, runs the chain, and turns the
/// number into a command only when the status it rests on is fresh.
/// </summary>
public sealed class QueueCycle(StatusCache cache, InFlightLedger ledger)
{
    public CycleOutcome Run(FactoryConfig config, QueueDefinition queue, long cycle, DateTimeOffset now, FactoryTotals totals, Guid? lastCommandSnapshot)
    {
        var (wmsReading, wms) = ReadWms(queue, now);
        var (batchReading, batch, batchSnapshot) = ReadBatch(queue, now);
        var inFlight = batchSnapshot is null ? 0 : ledger.InFlight(queue.Name, batchSnapshot.ObservedAt);

        var context = new SchedulerContext
        {
            Now = now,
            WmsState = wmsReading.State,
            Ready = wms?.Ready ?? 0,
            NotReady = wms?.NotReady ?? 0,
            WmsRunning = wms?.Running ?? 0,
            Site = wms?.Site ?? SiteState.Unknown,
            BatchState = batchReading.State,
            Pending = (batch?.Pending ?? 0) + inFlight,
            Running = batch?.Running ?? 0,
            InFlight = inFlight,
            RecentlyEnded = batch?.RecentlyEnded ?? 0,
            RecentlyEndedShort = batch?.RecentlyEndedShort ?? 0,
            FactoryPending = totals.Pending,
            FactoryRunning = totals.Running,
            SubmittedTotal = ledger.SubmittedTotal(queue.Name),
        };
        var chain = queue.Chain.Decide(in context);
        var (action, submit, retire) = Act(config, queue, cycle, now, chain, wmsReading, batchReading, batchSnapshot?.SnapshotId, lastCommandSnapshot);

        var decided = new QueueDecided
        {
            Factory = config.Factory.FactoryId,
            Queue = queue.Name,
            Cycle = cycle,
            ConfigVersion = config.Version,
            DecidedAt = now,
            Wms = wms,
            WmsState = wmsReading.Text,
            Batch = batch,
            BatchState = batchReading.Text,
            InFlight = inFlight,
            Decision = chain.Result,
            Steps = chain.Steps,
            Explanation = chain.Explanation,
            Action = action,
            CommandId = submit?.CommandId ?? retire?.CommandId,
        };
        return new CycleOutcome(decided, submit, retire, batchSnapshot?.SnapshotId);
    }

    private static (string Action, SubmitPilots? Submit, RetirePilots? Retire) Act(
        FactoryConfig config, QueueDefinition queue, long cycle, DateTimeOffset now, ChainDecision chain,
        StatusReading wms, StatusReading batch, Guid? batchSnapshot, Guid? lastCommandSnapshot)
    {
        if (chain.Result == 0) return ("none", null, null);
        // Never act twice on the same batch figures: wait for a snapshot taken after the last command.
        if (batchSnapshot is not null && batchSnapshot == lastCommandSnapshot)
            return ("hold: batch status not refreshed since the last command", null, null);
        if (batch.State != StatusState.Fresh) return ($"hold: batch status {batch.Text}", null, null);
        if (chain.Result > 0)
        {
            if (wms.State != StatusState.Fresh) return ($"hold: wms status {wms.Text}", null, null);
            var submit = new SubmitPilots
            {
                CommandId = NewId.NextGuid(),
                Factory = config.Factory.FactoryId,
                Queue = queue.Name,
                Count = chain.Result,
                ConfigVersion = config.Version,
                Cycle = cycle,
                DecidedAt = now,
                Explanation = chain.Explanation,
            };
            return ($"submit {chain.Result}", submit, null);
        }
        var retire = new RetirePilots
        {
            CommandId = NewId.NextGuid(),
            Factory = config.Factory.FactoryId,
            Queue = queue.Name,
            Count = -chain.Result,
            ConfigVersion = config.Version,
            Cycle = cycle,
            DecidedAt = now,
            Explanation = chain.Explanation,
        };
        return ($"retire {-chain.Result}", null, retire);
    }

    private (StatusReading, WmsQueueFigures?) ReadWms(QueueDefinition queue, DateTimeOffset now)
    {
        var snapshot = cache.Wms(queue.WmsSource);
        WmsQueueFigures? figures = null;
        string? missing = null;
        if (snapshot is null) missing = "no snapshot yet";
        else if (snapshot.Error is not null) missing = snapshot.Error;
        else if (!snapshot.Queues.TryGetValue(queue.Options.WmsQueue, out figures)) missing = $"WMS queue '{queue.Options.WmsQueue}' not reported by its source";
        return (StatusReading.Judge(snapshot?.ObservedAt, missing, now, queue.Options.MaxAge), missing is null ? figures : null);
    }

    private (StatusReading, BatchQueueFigures?, BatchStatusObserved?) ReadBatch(QueueDefinition queue, DateTimeOffset now)
    {
        var snapshot = cache.Batch(queue.BatchSource);
        string? missing = null;
        BatchQueueFigures? figures = null;
        if (snapshot is null) missing = "no snapshot yet";
        else if (snapshot.Error is not null) missing = snapshot.Error;
        else if (!snapshot.QueuesAsked.Contains(queue.Name)) missing = "source not yet asked about this queue";
        else figures = snapshot.Queues.GetValueOrDefault(queue.Name) ?? new BatchQueueFigures();
        return (StatusReading.Judge(snapshot?.ObservedAt, missing, now, queue.Options.MaxAge), figures, missing is null ? snapshot : null);
    }
}
