using Apf.Simulation.Workload;
using FsCheck;
using FsCheck.Fluent;

namespace Apf.Simulation.Tests;

/// <summary>
/// The cap on pending pilots holds in the simulated world, with status lag, submit latency, stale
/// status and retirements, not only on one cycle's arithmetic.
/// </summary>
public class PendingCapProperties
{
    // Source parts of chains; each is followed by MaxPerCycle m (m ≤ k) and MaxPending k.
    private static readonly string[] Sources =
    [
        "Ready", "KedaAccurate", "KedaEager", "Forecast", "Fixed", "Ready,MinPerCycle", "Fillactivated", "KeepNRunning", "Ready,Scale",
    ];

    public sealed record Case(int Source, int K, int PerCycle, int Shape, int Seed, int Delay, int StatusEvery, int Sleep, int Latency)
    {
        public string Chain =>
            $"{Sources[Source]},MaxPerCycle,MaxPending;sched.maxpending.maximum={K};sched.maxpercycle.maximum={PerCycle};" +
            $"sched.fixed.pilotspercycle={K + 7};sched.keepnrunning.keep_running={3 * K};sched.minpercycle.minimum={K};sched.scale.factor=3";

        public SimulationResult Run() => Simulation.Run(
            Lab.Synthetic((WorkloadShape)Shape, Seed, queues: 2, hours: 6, rate: 60), Chain, Lab.Builder(),
            Lab.Options(Seed, $"sim.batch.delay=exp:{Delay}", $"batchstatus.sleep={StatusEvery}", $"wmsstatus.sleep={StatusEvery}",
                $"apfqueue.sleep={Sleep}", $"sim.batch.submitlatency={Latency}", "sim.drain=1h"));
    }

    private static readonly Gen<Case> Cases =
        from source in Gen.Choose(0, Sources.Length - 1)
        from k in Gen.Choose(1, 30)
        from perCycle in Gen.Choose(0, k)
        from shape in Gen.Choose(0, 2)
        from seed in Gen.Choose(1, 10_000)
        from delay in Gen.Choose(0, 3600)
        from statusEvery in Gen.Choose(10, 900)
        from sleep in Gen.Choose(30, 900)
        from latency in Gen.Choose(0, 1200)
        select new Case(source, k, perCycle, shape, seed, delay, statusEvery, sleep, latency);

    [Fact]
    public void A_chain_ending_in_MaxPerCycle_m_and_MaxPending_k_never_has_more_than_k_pilots_pending() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var r = c.Run();
            return (r.PeakPendingPerQueue <= c.K).Label($"{c} → peak {r.PeakPendingPerQueue}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    [Fact]
    public void The_cap_holds_over_a_seeded_loop_of_longer_runs()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 20; i++)
        {
            var c = new Case(random.Next(Sources.Length), random.Next(1, 60), 0, random.Next(3), random.Next(), random.Next(0, 7200),
                random.Next(10, 600), random.Next(60, 600), random.Next(0, 900));
            c = c with { PerCycle = random.Next(1, c.K + 1) };
            var r = Simulation.Run(Lab.Synthetic((WorkloadShape)c.Shape, c.Seed, queues: 4, hours: 24, rate: 50), c.Chain, Lab.Builder(), Lab.Options(c.Seed,
                $"sim.batch.delay=lognormal:{c.Delay},1", $"batchstatus.sleep={c.StatusEvery}", $"apfqueue.sleep={c.Sleep}", $"sim.batch.submitlatency={c.Latency}"));
            Assert.True(r.PeakPendingPerQueue <= c.K, $"{c} → peak {r.PeakPendingPerQueue}");
            Assert.True(r.PilotsSubmitted > 0, c.ToString());
        }
    }

    /// <summary>
    /// MaxPending is a cap even when nothing is pending: a blind Fixed 50 before it still puts only
    /// 10 pilots in the queue. APF let the whole cycle through ("free slots may exist"); that rule is
    /// still there on request (pass_when_empty), and then only MaxPerCycle bounds the burst.
    /// </summary>
    [Fact]
    public void MaxPending_alone_caps_pending_pilots_even_when_nothing_is_pending()
    {
        var capped = Simulation.Run(Lab.Jobs((0, 10)), "Fixed,MaxPending;sched.fixed.pilotspercycle=50;sched.maxpending.maximum=10", Lab.Builder(),
            Lab.Options(1, "sim.batch.delay=fixed:100000", "sim.drain=0"));
        var apf = Simulation.Run(Lab.Jobs((0, 10)), "Fixed,MaxPending;sched.fixed.pilotspercycle=50;sched.maxpending.maximum=10;sched.maxpending.pass_when_empty=true", Lab.Builder(),
            Lab.Options(1, "sim.batch.delay=fixed:100000", "sim.drain=0"));
        Assert.Equal(10, capped.PeakPendingPerQueue);
        Assert.Equal(50, apf.PeakPendingPerQueue);
    }
}
