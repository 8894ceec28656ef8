using Apf.Contracts;
using Apf.Plugins.Slurm.Jobs;

namespace Apf.Plugins.Slurm.Status;

/// <summary>
/// What one status source remembers of the pilots it has seen. Finished jobs leave squeue after
/// MinJobAge (300 s by default), so done/failed counts and the Throttle plugin's "recently ended" come
/// from this record: a job's end is kept until it is older than the longest window asked for.
/// </summary>
internal sealed class PilotLedger
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal sealed record Entry(string Queue, PilotPhase Phase, DateTimeOffset? Started, DateTimeOffset? Ended)
    {
        public bool Final => Phase is PilotPhase.Done or PilotPhase.Failed;
    }

    public int Count => _entries.Count;

    public void Observe(string id, string queue, SlurmJob job, DateTimeOffset now)
    {
        var phase = job.Phase;
        if (phase == PilotPhase.Unknown) return;
        _entries.TryGetValue(id, out var known);
        // A job's end is the one Slurm reports, else the first time it was seen finished.
        DateTimeOffset? ended = phase is PilotPhase.Done or PilotPhase.Failed ? job.Ended ?? known?.Ended ?? now : null;
        var started = job.Started ?? known?.Started;
        // Slurm stamps a job cancelled while pending with start = end = cancel time: it never ran.
        if (started is not null && started >= ended && known?.Phase != PilotPhase.Running && SlurmStates.Normalize(job.States[0]) == "CANCELLED")
            started = null;
        _entries[id] = new Entry(queue, phase, started, ended);
    }

    /// <summary>Pilots last seen pending or running that the latest listing no longer shows.</summary>
    public IReadOnlyList<string> Vanished(IReadOnlySet<string> listed) =>
        _entries.Where(e => !e.Value.Final && !listed.Contains(e.Key)).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>A vanished pilot no lookup could find: it ended unseen, outcome unknown, counted done.</summary>
    public void EndedUnseen(string id, DateTimeOffset now)
    {
        if (_entries.TryGetValue(id, out var entry) && !entry.Final)
            _entries[id] = entry with { Phase = PilotPhase.Done, Ended = now };
    }

    public void Prune(DateTimeOffset now, TimeSpan keep)
    {
        foreach (var id in _entries.Where(e => e.Value.Final && e.Value.Ended < now - keep).Select(e => e.Key).ToList())
            _entries.Remove(id);
    }

    /// <summary>
    /// Done, failed and recently ended pilots of a queue, over the query's window. Pilots that never
    /// started (cancelled while pending) count as done but not as "ended": they say nothing of the site.
    /// </summary>
    public BatchQueueFigures Ended(string queue, DateTimeOffset now, TimeSpan window, TimeSpan shortRun)
    {
        int done = 0, failed = 0, ended = 0, endedShort = 0;
        foreach (var entry in _entries.Values)
        {
            if (!entry.Final || entry.Queue != queue || entry.Ended < now - window) continue;
            if (entry.Phase == PilotPhase.Done) done++;
            else failed++;
            if (entry.Started is not { } started) continue;
            ended++;
            if (entry.Ended - started < shortRun) endedShort++;
        }
        return new BatchQueueFigures { Done = done, Failed = failed, RecentlyEnded = ended, RecentlyEndedShort = endedShort };
    }
}
