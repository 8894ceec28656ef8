using Apf.Simulation.Workload;

namespace Apf.Simulation.Tests;

public class SimulationTests
{
    [Fact]
    public void One_job_waits_for_one_pilot_through_the_batch_delay()
    {
        // The job arrives at 0, status is read at 0, the cycle at 0 submits one pilot that the batch
        // system shows at 60 (submit latency) and may start at 160.
        var result = Simulation.Run(Lab.Jobs((0, 50)), "Ready,MaxPending", Lab.Builder(),
            Lab.Options(1, "sim.batch.delay=fixed:100", "sim.batch.submitlatency=60", "sim.pilot.idletimeout=300", "sim.drain=1h"));
        Assert.Equal(1, result.Jobs);
        Assert.Equal(0, result.JobsNeverStarted);
        Assert.Equal(160, result.WaitP50Seconds);
        Assert.Equal(160, result.WaitMaxSeconds);
        Assert.Equal(1, result.PilotsSubmitted);
        Assert.Equal(1, result.PilotsStarted);
        Assert.Equal(0, result.EmptyPilots);
        Assert.Equal(300 / 3600.0, result.IdlePilotHours, precision: 9);   // job ends at 210, idle until 510
        Assert.Equal(50 / 3600.0, result.BusyPilotHours, precision: 9);
        Assert.Equal(1, result.PeakPendingPerQueue);
    }

    [Fact]
    public void A_running_pilot_takes_the_next_job_and_a_pilot_that_finds_none_is_empty()
    {
        // Fixed submits 2 pilots at 0; the first starts at 10 and runs both jobs in turn; the second finds nothing.
        var result = Simulation.Run(Lab.Jobs((0, 5), (0, 5)), "Fixed,MaxPending;sched.fixed.pilotspercycle=2;sched.maxpending.maximum=2", Lab.Builder(),
            Lab.Options(1, "sim.batch.delay=uniform:10,2000", "apfqueue.sleep=100000", "sim.drain=2h"));
        Assert.Equal(2, result.PilotsSubmitted);
        Assert.Equal(0, result.JobsNeverStarted);
        Assert.Equal(1, result.EmptyPilots);
        Assert.Equal(0.5, result.EmptyFraction);
    }

    [Fact]
    public void Pilots_submitted_but_not_yet_shown_count_as_pending()
    {
        // Submissions take 400 s to show in batch status, cycles run every 360 s: without the in-flight
        // ledger the cycle at 360 would see 0 pending and grant Fixed's 4 again (8 > 6).
        var options = Lab.Options(1, "sim.batch.delay=fixed:100000", "sim.batch.submitlatency=400", "sim.drain=0");
        var result = Simulation.Run(Lab.Jobs((0, 10), (2000, 10)),
            "Fixed,MaxPerCycle,MaxPending;sched.fixed.pilotspercycle=4;sched.maxpercycle.maximum=4;sched.maxpending.maximum=6", Lab.Builder(), options);
        Assert.Equal(6, result.PilotsSubmitted);   // 4 at 0, 2 at 360 (4 in flight), none after
        Assert.Equal(6, result.PeakPendingPerQueue);
    }

    [Fact]
    public void A_command_waits_for_a_batch_snapshot_newer_than_the_last_one()
    {
        // Batch status is read once an hour: after acting at 0 the factory holds until the read at 3600.
        var options = Lab.Options(1, "sim.batch.delay=fixed:100000", "batchstatus.sleep=3600", "apfqueue.maxage=7200", "sim.drain=0");
        var result = Simulation.Run(Lab.Jobs((0, 10), (3700, 10)),
            "Fixed,MaxPerCycle,MaxPending;sched.fixed.pilotspercycle=4;sched.maxpercycle.maximum=4;sched.maxpending.maximum=100", Lab.Builder(), options);
        Assert.Equal(8, result.PilotsSubmitted);   // at 0 and at 3600 only
        Assert.Equal(2, result.Decisions);
    }

    [Fact]
    public void Stale_status_means_no_submission()
    {
        // Status is read every 2 hours and is stale after 10 minutes: only cycles shortly after a read may act.
        var options = Lab.Options(1, "batchstatus.sleep=7200", "wmsstatus.sleep=7200", "apfqueue.maxage=600", "sim.drain=0");
        var result = Simulation.Run(Lab.Jobs((0, 10), (4000, 10)), "Fixed,MaxPending;sched.fixed.pilotspercycle=1", Lab.Builder(), options);
        // Reads at 0 and 7200; cycles at 0 and 7200 are fresh (360 s later it is fresh too, but the snapshot was already acted on).
        Assert.Equal(1, result.PilotsSubmitted);
        Assert.Equal(1, result.Decisions);
    }

    [Fact]
    public void Negative_decisions_retire_pending_pilots()
    {
        // APF's MaxPending (pass_when_empty) lets 10 pilots through at 0; at 360 they still wait (delay 1 h),
        // ready is 0, and MaxPending 2 retires 8.
        var options = Lab.Options(1, "sim.batch.delay=fixed:3600", "sim.drain=0");
        var result = Simulation.Run(Lab.Jobs(Enumerable.Range(0, 10).Select(_ => (0L, 10L)).Append((400, 10)).ToArray()),
            "Ready,MaxPending;sched.maxpending.maximum=2;sched.maxpending.pass_when_empty=true", Lab.Builder(), options);
        Assert.True(result.PilotsRetired >= 8, $"retired {result.PilotsRetired}");
    }

    [Theory]
    [InlineData(WorkloadShape.Steady)]
    [InlineData(WorkloadShape.Bursty)]
    [InlineData(WorkloadShape.Diurnal)]
    public void The_same_seed_gives_the_same_figures(WorkloadShape shape)
    {
        string[] chains = [SimulationDefaults.RecommendedChain, SimulationDefaults.ApfChain, SimulationDefaults.KedaChain];
        var first = Simulation.Compare(Lab.Synthetic(shape, 7), chains, Lab.Builder(), Lab.Options(7), parallelism: 2);
        var again = chains.Select(c => Simulation.Run(Lab.Synthetic(shape, 7), c, Lab.Builder(), Lab.Options(7))).ToArray();
        Assert.Equal(first.Select(Lab.Fingerprint), again.Select(Lab.Fingerprint));
        Assert.All(first, r => Assert.True(r.PilotsSubmitted > 0 && r.Series.Count > 0));

        var other = Simulation.Run(Lab.Synthetic(shape, 8), chains[0], Lab.Builder(), Lab.Options(8));
        Assert.NotEqual(Lab.Fingerprint(first[0]), Lab.Fingerprint(other));
    }

    [Fact]
    public void The_same_seed_gives_the_same_workload()
    {
        var a = Lab.Synthetic(WorkloadShape.Bursty, 3);
        var b = Lab.Synthetic(WorkloadShape.Bursty, 3);
        Assert.Equal(a.Jobs, b.Jobs);
        Assert.NotEqual(a.Jobs, Lab.Synthetic(WorkloadShape.Bursty, 4).Jobs);
    }

    [Fact]
    public void Every_job_runs_once_and_busy_time_is_the_sum_of_run_times()
    {
        var workload = Lab.Synthetic(WorkloadShape.Diurnal, 2);
        var result = Simulation.Run(workload, SimulationDefaults.RecommendedChain, Lab.Builder(), Lab.Options(2));
        Assert.Equal(0, result.JobsNeverStarted);
        Assert.Equal(workload.Jobs.Sum(j => j.RunTime) / 3600.0, result.BusyPilotHours, precision: 6);
        Assert.True(result.PilotsStarted + result.PilotsRetired <= result.PilotsSubmitted);
    }

    [Fact]
    public void Synthetic_shapes_have_the_asked_mean_rate()
    {
        foreach (var shape in Enum.GetValues<WorkloadShape>())
        {
            var w = SyntheticWorkload.Generate(new SyntheticOptions { Shape = shape, Seed = 5, Queues = 200, JobsPerHour = 30, Duration = TimeSpan.FromDays(1) });
            var perQueueHour = w.Jobs.Count / 200.0 / 24;
            Assert.InRange(perQueueHour, 25, 35);
            Assert.All(w.Jobs, j => Assert.InRange(j.Arrival, 0, 86_400));
        }
    }
}
