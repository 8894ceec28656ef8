namespace Apf.Simulation.Workload;

/// <summary>How an SWF trace's jobs are spread over simulated queues.</summary>
public enum QueueSpread
{
    /// <summary>One simulated queue per distinct SWF queue number (field 15), in numeric order.</summary>
    SwfQueue,
    /// <summary>Jobs dealt round-robin, in submit order, over a given number of queues.</summary>
    RoundRobin,
}

/// <summary>
/// Turns SWF records into simulation jobs. Submit times are shifted so the first job arrives at 0.
/// Run time is field 4, or the requested time (field 9) when it is missing; a job with neither, or
/// without a submit time, is skipped and counted. Processors are ignored: one pilot runs one job.
/// Two kinds of archive lines are not jobs for a pilot and are skipped and counted too: a job cancelled
/// before it ran (status 5 without a run time: its requested time would be work that never existed), and
/// the partial-execution lines of checkpointed or swapped jobs (status 2, 3, 4), which repeat a job that
/// its summary line already gives.
/// </summary>
public static class SwfWorkload
{
    /// <summary>The workload, and the records left out: without times, cancelled before they ran, partial executions.</summary>
    public sealed record Result(JobWorkload Workload, int Skipped, int Cancelled = 0, int Partial = 0);

    private const long CancelledStatus = 5;

    private static bool IsPartialExecution(SwfRecord r) => r.Status is 2 or 3 or 4;

    private static bool CancelledBeforeRunning(SwfRecord r) => r.Status == CancelledStatus && r.RunTime <= 0;

    public static Result Build(IReadOnlyList<SwfRecord> records, QueueSpread spread, int queues, string description)
    {
        // One pass and one copy: an archive log holds millions of lines, and every LINQ stage over these
        // 72-byte records copied all of them again.
        var usable = new List<SwfRecord>();
        int partial = 0, cancelled = 0, skipped = 0;
        foreach (var r in records)
        {
            if (IsPartialExecution(r)) partial++;
            else if (CancelledBeforeRunning(r)) cancelled++;
            else if (r.SubmitTime < 0 || (r.RunTime < 0 && r.RequestedTime < 0)) skipped++;
            else usable.Add(r);
        }
        usable.Sort(static (a, b) => a.SubmitTime != b.SubmitTime ? a.SubmitTime.CompareTo(b.SubmitTime) : a.JobNumber.CompareTo(b.JobNumber));
        var origin = usable.Count == 0 ? 0 : usable[0].SubmitTime;
        IReadOnlyList<string> names;
        Func<SwfRecord, int, int> queueOf;
        if (spread == QueueSpread.SwfQueue)
        {
            var numbers = usable.Select(r => r.QueueNumber).Distinct().Order().ToArray();
            if (numbers.Length == 0) numbers = [-1];
            names = numbers.Select(n => n < 0 ? "q-none" : $"q{n}").ToArray();
            queueOf = (r, _) => Array.BinarySearch(numbers, r.QueueNumber);
        }
        else
        {
            if (queues < 1) throw new ArgumentOutOfRangeException(nameof(queues), "round-robin needs at least one queue");
            names = Enumerable.Range(0, queues).Select(i => $"q{i}").ToArray();
            queueOf = (_, i) => i % queues;
        }
        var jobs = usable.Select((r, i) => new SimJob(r.JobNumber, queueOf(r, i), r.SubmitTime - origin, Math.Max(1, r.RunTime >= 0 ? r.RunTime : r.RequestedTime)));
        return new Result(new JobWorkload(jobs, names, description), skipped, cancelled, partial);
    }
}
