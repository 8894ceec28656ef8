using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Jobs;

namespace Apf.Plugins.Slurm.Status;

/// <summary>
/// Batch status "Slurm": reads every job with squeue (filtering by the pilot label on this side, since
/// Slurm up to 23.02 ignores squeue's filters with --json), counts pending and running pilots per Apf
/// queue, and keeps a small record of the pilots it has seen so that pilots that left squeue still count
/// as done or failed (looked up with scontrol, then sacct, best effort).
/// </summary>
public sealed class SlurmBatchStatusPlugin(SlurmClient client, string factory, TimeProvider time, int lookupLimit = 20, bool useSacct = true)
    : IBatchStatusPlugin, IDisposable
{
    private readonly PilotLedger _ledger = new();
    private readonly SemaphoreSlim _reading = new(1, 1);

    public async Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var jobs = await client.ListAsync(null, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var current = new Dictionary<string, (SlurmJob Job, string Queue)>(StringComparer.Ordinal);
            var factoryPrefix = $"{PilotLabel.Prefix}.{factory}.";
            foreach (var job in jobs)
            {
                if (!job.Name.StartsWith(factoryPrefix, StringComparison.Ordinal)) continue;
                if (!PilotLabel.TryParse(job.Name, out var label) || label.Factory != factory) continue;
                current[job.Id] = (job, label.Queue);
                _ledger.Observe(job.Id, label.Queue, job, now);
            }

            await LookUpVanishedAsync(current.Keys.ToHashSet(StringComparer.Ordinal), now, cancellationToken).ConfigureAwait(false);
            var keep = queues.Select(q => q.RecentWindow).DefaultIfEmpty(TimeSpan.FromHours(1)).Max();
            _ledger.Prune(now, keep);

            var figures = new Dictionary<string, BatchQueueFigures>(StringComparer.Ordinal);
            foreach (var query in queues)
            {
                var live = current.Values.Where(c => c.Queue == query.Queue).Select(c => c.Job.Phase).ToList();
                figures[query.Queue] = _ledger.Ended(query.Queue, now, query.RecentWindow, query.ShortRun) with
                {
                    Pending = live.Count(p => p == PilotPhase.Pending),
                    Running = live.Count(p => p == PilotPhase.Running),
                };
            }
            return figures;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task LookUpVanishedAsync(IReadOnlySet<string> listed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Bounded per read: after a long outage thousands may have vanished; the rest wait for the next read.
        foreach (var id in _ledger.Vanished(listed).Take(lookupLimit))
        {
            var job = await client.LookUpAsync(id, useSacct, cancellationToken).ConfigureAwait(false);
            if (job is { Phase: PilotPhase.Done or PilotPhase.Failed } && PilotLabel.TryParse(job.Name, out var label))
                _ledger.Observe(id, label.Queue, job, now);
            else if (job is null)
                _ledger.EndedUnseen(id, now);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        _reading.Dispose();
    }
}
