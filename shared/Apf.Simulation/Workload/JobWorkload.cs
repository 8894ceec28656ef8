namespace Apf.Simulation.Workload;

/// <summary>
/// The jobs of one simulation, sorted by arrival then id (so runs never depend on input order), and
/// the names of the queues they are spread over.
/// </summary>
public sealed class JobWorkload
{
    public JobWorkload(IEnumerable<SimJob> jobs, IReadOnlyList<string> queues, string description)
    {
        Jobs = jobs.OrderBy(j => j.Arrival).ThenBy(j => j.Queue).ThenBy(j => j.Id).ToArray();
        Queues = queues;
        Description = description;
        if (Queues.Count == 0) throw new ArgumentException("a workload needs at least one queue", nameof(queues));
        foreach (var job in Jobs)
            if (job.Queue < 0 || job.Queue >= Queues.Count) throw new ArgumentException($"job {job.Id} names queue {job.Queue}, outside 0..{Queues.Count - 1}");
    }

    public IReadOnlyList<SimJob> Jobs { get; }
    public IReadOnlyList<string> Queues { get; }
    public string Description { get; }

    /// <summary>Arrival of the last job (0 without jobs).</summary>
    public long LastArrival => Jobs.Count == 0 ? 0 : Jobs[^1].Arrival;
}
