using Apf.Simulation.Workload;

namespace Apf.Simulation.Tests;

/// <summary>
/// The SWF reader and the lab on excerpts of real workload logs, as their sites wrote them (Traces/real,
/// sources in Traces/real/SOURCES.md): fixed-width and tab-separated columns, decimals in unused fields,
/// jobs without a run time, submit times out of order.
/// </summary>
public class RealLogTests
{
    private static string Log(string name) => Path.Combine(AppContext.BaseDirectory, "Traces", "real", name);

    [Fact]
    public void Reads_HPC2N_with_its_killed_jobs_falling_back_to_the_requested_time()
    {
        var records = SwfReader.ReadFile(Log("HPC2N-2002-2.2-excerpt.swf"));
        Assert.Equal(300, records.Count);
        Assert.Equal(new SwfRecord(1, 0, 308434, 31405, 30, 37980, 1, -1, 1), records[0]);
        // Job 16 has no run time and an unknown status (killed at its limit): its CPU time, 240,379 s, is
        // in a field the reader does not use, and its requested 4 days stand in for the run time.
        Assert.Equal(new SwfRecord(16, 347726, 5, -1, 8, 345600, -1, -1, 1), records.Single(r => r.JobNumber == 16));

        var built = SwfWorkload.Build(records, QueueSpread.SwfQueue, 0, "hpc2n");
        Assert.Equal(["q-none"], built.Workload.Queues);
        Assert.Equal((300, 0, 0, 0), (built.Workload.Jobs.Count, built.Skipped, built.Cancelled, built.Partial));
        Assert.Equal(345600, built.Workload.Jobs.Single(j => j.Id == 16).RunTime);
    }

    [Fact]
    public void Reads_OSC_with_decimals_in_the_cpu_time_column()
    {
        var records = SwfReader.ReadFile(Log("OSC-Clust-2000-3.1-cln-excerpt.swf"));
        Assert.Equal(300, records.Count);
        Assert.Equal(new SwfRecord(1, 0, 0, 46, 32, -1, 1, -1, -1), records[0]);
        Assert.Equal(new SwfRecord(2, 423, 0, 8977, 16, -1, 1, -1, -1), records[1]);   // CPU time 9.56
        Assert.All(records, r => Assert.True(r.RunTime >= 0));
    }

    [Fact]
    public void Reads_Theta_tab_separated_and_puts_its_jobs_in_submit_order()
    {
        var records = SwfReader.ReadFile(Log("Theta-2023-excerpt.swf"));
        Assert.Equal(200, records.Count);
        Assert.Equal(new SwfRecord(639487, 1672529301, 71, 3632, 8, -1, -1, -1, -1), records[0]);
        // The log is in the order jobs ended, not arrived: the earliest submission is further down.
        var earliest = records.MinBy(r => r.SubmitTime);
        Assert.Equal(632190, earliest.JobNumber);

        var jobs = SwfWorkload.Build(records, QueueSpread.SwfQueue, 0, "theta").Workload.Jobs;
        Assert.Equal(200, jobs.Count);
        Assert.Equal(632190, jobs[0].Id);
        Assert.Equal(0, jobs[0].Arrival);
        Assert.True(jobs.Zip(jobs.Skip(1)).All(p => p.First.Arrival <= p.Second.Arrival));
    }

    [Theory]
    [InlineData("HPC2N-2002-2.2-excerpt.swf")]
    [InlineData("OSC-Clust-2000-3.1-cln-excerpt.swf")]
    [InlineData("Theta-2023-excerpt.swf")]
    public void A_real_log_runs_every_job_under_the_pending_cap_and_twice_the_same(string name)
    {
        var workload = SwfWorkload.Build(SwfReader.ReadFile(Log(name)), QueueSpread.SwfQueue, 0, name).Workload;
        var options = Lab.Options(seed: 3, "sched.maxpending.maximum=20");
        var first = Simulation.Run(workload, SimulationDefaults.RecommendedChain, Lab.Builder("sched.maxpending.maximum=20"), options);
        var second = Simulation.Run(workload, SimulationDefaults.RecommendedChain, Lab.Builder("sched.maxpending.maximum=20"), options);
        Assert.Equal(workload.Jobs.Count, first.Jobs);
        Assert.Equal(0, first.JobsNeverStarted);
        Assert.InRange(first.PeakPendingPerQueue, 1, 20);
        Assert.Equal(Lab.Fingerprint(first), Lab.Fingerprint(second));
    }
}
