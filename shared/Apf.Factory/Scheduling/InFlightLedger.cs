using System.Collections.Concurrent;
using Apf.Contracts;

namespace Apf.Factory.Scheduling;

/// <summary>
/// Pilots the Scheduler asked for that batch status cannot show yet. They count as pending, so the
/// next cycle does not ask for them again — deciding twice on the same figures is how factories
/// double-submit.
/// </summary>
public sealed class InFlightLedger
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, long> _submitted = new(StringComparer.Ordinal);

    public void Sent(SubmitPilots command) =>
        _entries[command.CommandId] = new Entry(command.Queue, command.Count, command.DecidedAt, null, null);

    public void Completed(PilotsSubmitted result)
    {
        var created = result.Error is null ? result.BatchIds.Count : 0;
        if (_entries.TryGetValue(result.CommandId, out var entry))
        {
            if (entry.CompletedAt is not null) return;
            _entries[result.CommandId] = entry with { CompletedAt = result.CompletedAt, Created = created };
        }
        else
        {
            // A result for a command sent before this Scheduler started: its pilots are real, count them too.
            _entries[result.CommandId] = new Entry(result.Queue, result.Requested, result.CompletedAt, result.CompletedAt, created);
        }
        if (!result.AlreadyApplied) _submitted.AddOrUpdate(result.Queue, created, (_, n) => n + created);
    }

    /// <summary>
    /// Pilots of <paramref name="queue"/> that a batch snapshot taken at <paramref name="batchObservedAt"/>
    /// cannot include: commands without a result yet (all their pilots, conservatively), and pilots created
    /// after the snapshot was taken.
    /// </summary>
    public int InFlight(string queue, DateTimeOffset batchObservedAt)
    {
        var total = 0;
        foreach (var (_, e) in _entries)
        {
            if (e.Queue != queue) continue;
            if (e.CompletedAt is null) total += e.Requested;
            else if (e.CompletedAt >= batchObservedAt) total += e.Created ?? 0;
        }
        return total;
    }

    /// <summary>Pilots this queue has had submitted since the Scheduler started (MaxToSubmit).</summary>
    public long SubmittedTotal(string queue) => _submitted.GetValueOrDefault(queue);

    public bool HasUnresolved(string queue) => _entries.Values.Any(e => e.Queue == queue && e.CompletedAt is null);

    /// <summary>
    /// Forgets what batch status now shows, and commands without a result that the Submitter will refuse
    /// as expired anyway (so a lost command does not block a queue for ever).
    /// </summary>
    public void Prune(Func<string, DateTimeOffset?> batchObservedAt, DateTimeOffset now, Func<string, TimeSpan> commandExpiry)
    {
        foreach (var (id, e) in _entries)
        {
            var seen = batchObservedAt(e.Queue);
            var settled = e.CompletedAt is { } done && seen is { } at && at > done;
            // Twice the Submitter's own limit: past it, the command can only be refused, never applied.
            var expired = e.CompletedAt is null && now - e.DecidedAt > commandExpiry(e.Queue) * 2;
            if (settled || expired) _entries.TryRemove(id, out _);
        }
    }

    private sealed record Entry(string Queue, int Requested, DateTimeOffset DecidedAt, DateTimeOffset? CompletedAt, int? Created);
}
