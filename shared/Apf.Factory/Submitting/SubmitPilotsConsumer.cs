using System.Collections.Concurrent;
using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Status;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Submitting;

/// <summary>
/// Applies a submit command at most once: answered from the ledger when already done; otherwise the
/// batch system is asked which pilots of this command exist (a submitter may have died mid-command),
/// and only the missing ones are submitted. Commands older than the queue allows are refused: a
/// decision taken on old figures must not flood a site after an outage.
/// </summary>
public sealed class SubmitPilotsConsumer(
    IFactoryConfigProvider config,
    SubmitLedgerProvider ledgers,
    PilotRequestBuilder requests,
    TimeProvider time,
    ILogger<SubmitPilotsConsumer> logger) : IConsumer<SubmitPilots>
{
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> InProgress = new();

    public async Task Consume(ConsumeContext<SubmitPilots> context)
    {
        var command = context.Message;
        var gate = InProgress.GetOrAdd(command.CommandId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(context.CancellationToken);
        try
        {
            var result = await ApplyAsync(command, context.CancellationToken);
            await context.PublishWithinLimit(result, time, context.CancellationToken);
        }
        finally
        {
            gate.Release();
            InProgress.TryRemove(command.CommandId, out _);
        }
    }

    private async Task<PilotsSubmitted> ApplyAsync(SubmitPilots command, CancellationToken cancellationToken)
    {
        var current = config.Current;
        var ledger = ledgers.For(current);
        if (ledger.Find(command.CommandId) is { } done)
            return done with { AlreadyApplied = true, CompletedAt = time.GetUtcNow() };

        var queue = current.EnabledQueues.FirstOrDefault(q => q.Name == command.Queue);
        if (queue is null) return Refused(command, $"queue '{command.Queue}' is not an enabled queue of this factory");
        var age = time.GetUtcNow() - command.DecidedAt;
        var limit = queue.Options.CommandExpiry;
        if (age > limit)
            return Refused(command, $"command expired: decided {age.TotalSeconds:0} s ago, limit {limit.TotalSeconds:0} s (apfqueue.sleep + apfqueue.maxage)");

        var label = new PilotLabel(command.Factory, command.Queue, command.CommandId);
        try
        {
            var timeout = queue.Options.PluginTimeout;
            var existing = await PluginCall.WithTimeoutAsync(ct => queue.BatchSubmit.FindPilotsAsync(label, ct), timeout, "finding existing pilots", cancellationToken);
            var missing = command.Count - existing.Count;
            IReadOnlyList<string> created = [];
            if (missing > 0)
            {
                if (existing.Count > 0)
                    logger.LogWarning("Command {CommandId} for {Queue} was partly applied (a submitter died mid-command?): {Existing} pilots found, {Missing} submitted now", command.CommandId, command.Queue, existing.Count, missing);
                var request = requests.Build(current, queue, command, missing);
                var outcome = await PluginCall.WithTimeoutAsync(ct => queue.BatchSubmit.SubmitAsync(request, ct), timeout, "submitting pilots", cancellationToken);
                created = outcome.BatchIds;
            }
            else
            {
                logger.LogWarning("Command {CommandId} for {Queue} was already applied: {Existing} pilots found in the batch system", command.CommandId, command.Queue, existing.Count);
            }
            var result = new PilotsSubmitted
            {
                CommandId = command.CommandId,
                Factory = command.Factory,
                Queue = command.Queue,
                Requested = command.Count,
                BatchIds = [.. existing, .. created],
                AlreadyApplied = existing.Count > 0 && created.Count == 0,
                CompletedAt = time.GetUtcNow(),
                SubmitterInstance = Environment.MachineName + ":" + Environment.ProcessId,
            };
            ledger.Record(result);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Submitting {Count} pilots for {Queue} failed: {Reason}", command.Count, command.Queue, PluginCall.Describe(e));
            return Refused(command, PluginCall.Describe(e));
        }
    }

    private PilotsSubmitted Refused(SubmitPilots command, string error) => new()
    {
        CommandId = command.CommandId,
        Factory = command.Factory,
        Queue = command.Queue,
        Requested = command.Count,
        Error = error,
        CompletedAt = time.GetUtcNow(),
    };
}
