using Apf.Contracts;
using Apf.Core.Plugins;

namespace Apf.Plugins.HTCondor.Status;

/// <summary>Groups pilots per Apf queue and counts them in APF's vocabulary.</summary>
public static class CondorFigures
{
    /// <param name="queued">Jobs condor_q reported (any state).</param>
    /// <param name="history">Jobs condor_history reported (ended).</param>
    /// <param name="now">Seconds since the epoch, for the recent window.</param>
    public static IReadOnlyDictionary<string, BatchQueueFigures> Count(
        IEnumerable<CondorJob> queued, IEnumerable<CondorJob> history, IReadOnlyCollection<BatchStatusQuery> queries, long now)
    {
        // A job leaving the queue between the two reads may appear in both: count it once.
        var jobs = new Dictionary<string, CondorJob>();
        foreach (var job in history) jobs[job.Id] = job;
        foreach (var job in queued) jobs.TryAdd(job.Id, job);
        var byQueue = jobs.Values.Where(j => j.Queue is not null).ToLookup(j => j.Queue!, StringComparer.Ordinal);

        var result = new Dictionary<string, BatchQueueFigures>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            var pilots = byQueue[query.Queue].ToList();
            var since = now - (long)query.RecentWindow.TotalSeconds;
            var ended = pilots.Where(p => p.State == PilotState.Done && p.EndedAt >= since).ToList();
            // Throttle judges pilots that started: a pilot removed while idle says nothing about the site.
            var endedAfterStart = ended.Where(p => p.JobStartDate > 0).ToList();
            result[query.Queue] = new BatchQueueFigures
            {
                Pending = pilots.Count(p => p.State == PilotState.Pending),
                Running = pilots.Count(p => p.State == PilotState.Running),
                Done = ended.Count,
                Failed = ended.Count(p => p.Failed),
                RecentlyEnded = endedAfterStart.Count,
                RecentlyEndedShort = endedAfterStart.Count(p => p.EndedAt - p.JobStartDate < query.ShortRun.TotalSeconds),
            };
        }
        return result;
    }
}
