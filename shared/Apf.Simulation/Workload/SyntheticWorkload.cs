namespace Apf.Simulation.Workload;

/// <summary>The arrival pattern of a synthetic workload.</summary>
public enum WorkloadShape
{
    /// <summary>Poisson arrivals at a constant rate.</summary>
    Steady,
    /// <summary>A thin Poisson background (30 % of the rate) plus bursts of about 40 jobs within 5 minutes.</summary>
    Bursty,
    /// <summary>Poisson arrivals whose rate follows the day: low at midnight, 1.8 times the mean at noon.</summary>
    Diurnal,
}

/// <summary>Options of the synthetic generator; rates are per queue.</summary>
public sealed record SyntheticOptions
{
    public WorkloadShape Shape { get; init; } = WorkloadShape.Steady;
    public int Seed { get; init; } = 1;
    public int Queues { get; init; } = 4;
    public TimeSpan Duration { get; init; } = TimeSpan.FromDays(1);
    /// <summary>Mean jobs per hour of one queue; each queue's rate is this times a seeded factor (lognormal, σ 0.5).</summary>
    public double JobsPerHour { get; init; } = 30;
    /// <summary>Mean job run time; run times are lognormal with σ 1.</summary>
    public TimeSpan MeanRunTime { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>Seeded synthetic workloads: the same options give the same jobs.</summary>
public static class SyntheticWorkload
{
    private const double RunTimeSigma = 1.0;
    private const double BurstSize = 40;
    private const double BurstSpread = 300;
    private const double BackgroundShare = 0.3;

    public static JobWorkload Generate(SyntheticOptions o)
    {
        if (o.Queues < 1) throw new ArgumentOutOfRangeException(nameof(o), "at least one queue");
        if (o.JobsPerHour < 0) throw new ArgumentOutOfRangeException(nameof(o), "jobs per hour must not be negative");
        var jobs = new List<SimJob>();
        var horizon = o.Duration.TotalSeconds;
        var medianRun = o.MeanRunTime.TotalSeconds / Math.Exp(RunTimeSigma * RunTimeSigma / 2);
        long id = 0;
        for (var q = 0; q < o.Queues; q++)
        {
            var r = Draw.Stream(o.Seed, 1, q);
            var rate = o.JobsPerHour * Math.Exp(0.5 * Draw.Normal(r) - 0.125) / 3600.0;   // mean factor 1
            if (rate <= 0) continue;
            foreach (var t in Arrivals(o.Shape, r, rate, horizon))
                jobs.Add(new SimJob(id++, q, (long)t, Math.Max(1, (long)Draw.LogNormal(r, medianRun, RunTimeSigma))));
        }
        var names = Enumerable.Range(0, o.Queues).Select(i => $"q{i}").ToArray();
        return new JobWorkload(jobs, names, $"synthetic {o.Shape.ToString().ToLowerInvariant()} seed {o.Seed}, {o.Queues} queue(s), {o.JobsPerHour} jobs/h/queue, {o.MeanRunTime.TotalMinutes:0.#} min jobs, {o.Duration.TotalHours:0.#} h");
    }

    private static IEnumerable<double> Arrivals(WorkloadShape shape, Random r, double rate, double horizon)
    {
        switch (shape)
        {
            case WorkloadShape.Steady:
                for (var t = Draw.Exponential(r, 1 / rate); t < horizon; t += Draw.Exponential(r, 1 / rate)) yield return t;
                break;
            case WorkloadShape.Diurnal:
                // Thinning: candidates at the peak rate, kept with probability rate(t)/peak.
                var peak = rate * 1.8;
                for (var t = Draw.Exponential(r, 1 / peak); t < horizon; t += Draw.Exponential(r, 1 / peak))
                {
                    var now = rate * (1 - 0.8 * Math.Cos(2 * Math.PI * t / 86_400));
                    if (r.NextDouble() * peak < now) yield return t;
                }
                break;
            default:
                var background = rate * BackgroundShare;
                var times = new List<double>();
                for (var t = Draw.Exponential(r, 1 / background); t < horizon; t += Draw.Exponential(r, 1 / background)) times.Add(t);
                var burstRate = rate * (1 - BackgroundShare) / BurstSize;
                for (var b = Draw.Exponential(r, 1 / burstRate); b < horizon; b += Draw.Exponential(r, 1 / burstRate))
                {
                    var size = 1 + (int)Draw.Exponential(r, BurstSize - 1);
                    for (var i = 0; i < size; i++)
                    {
                        var t = b + r.NextDouble() * BurstSpread;
                        if (t < horizon) times.Add(t);
                    }
                }
                times.Sort();
                foreach (var t in times) yield return t;
                break;
        }
    }
}
