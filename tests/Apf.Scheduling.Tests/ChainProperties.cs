using Apf.Contracts;
using Apf.Core.Scheduling;
using FsCheck;
using FsCheck.Fluent;

namespace Apf.Scheduling.Tests;

/// <summary>Safety properties over random chains and random figures.</summary>
public class ChainProperties
{
    /// <summary>One random case: a chain prefix (plugin codes), MaxPending's options and a queue's figures.</summary>
    public sealed record Case(int[] Prefix, int K, bool AllowNegative, int Ready, int Pending, int Running, byte States, int Ended, int ShortOnes, int Submitted)
    {
        public SchedulerChain Chain() => new(Prefix.Select(Pick).Append(new MaxPending(K, AllowNegative)));

        public SchedulerContext Context() => new()
        {
            WmsState = (StatusState)(States % 3),
            BatchState = (StatusState)(States / 3 % 3),
            Site = (SiteState)(States / 9 % 4),
            Ready = Ready,
            Pending = Pending,
            Running = Running,
            RecentlyEnded = Ended,
            RecentlyEndedShort = ShortOnes,
            FactoryPending = Pending,
            FactoryRunning = Running,
            SubmittedTotal = Submitted,
        };

        public int Evaluate() => Chain().Evaluate(Context(), []);

        public override string ToString() =>
            $"prefix=[{string.Join(",", Prefix.Select(p => Pick(p).Name + "#" + p))}] k={K} allowNegative={AllowNegative} ready={Ready} pending={Pending} " +
            $"running={Running} states={States} ended={Ended} short={ShortOnes} submitted={Submitted} → {Evaluate()}";
    }

    // Any plugin, configured from one random number, so that random chains cover the whole set.
    private static ISchedulerPlugin Pick(int code)
    {
        var v = (int)((uint)code % 1000);
        return ((uint)code % 19) switch
        {
            0 => new Ready(v % 7),
            1 => new Scale(v / 100.0),
            2 => new MaxPerCycle(v),
            3 => new MinPerCycle(v),
            4 => new Fixed(v),
            5 => new KeepNRunning(v % 2 == 0 ? v : null),
            6 => new MinPending(v),
            7 => new MaxToRun(v),
            8 => new StatusOffline(v),
            9 => new StatusTest(v),
            10 => new Throttle(0.5, v),
            11 => new MinToSubmit(v),
            12 => new KedaEager(new KedaScaledJob(1, v, 0)),
            13 => new WeightedActivated(v / 100.0, 1),
            14 => new Fillactivated(v),
            15 => new KeepNQueueLife(v),
            16 => new MaxPerFactory(v),
            17 => new KedaAccurate(new KedaScaledJob(1 + v % 3, v, v / 2)),
            _ => new Null(),
        };
    }

    private static readonly Gen<int> AnyInt = ArbMap.Default.GeneratorFor<int>();

    private static Gen<Case> Cases(Gen<int> pending) =>
        from prefix in Gen.ArrayOf(Gen.Choose(0, int.MaxValue))
        from k in Gen.Choose(0, 300)
        from allowNegative in ArbMap.Default.GeneratorFor<bool>()
        from ready in Gen.OneOf(AnyInt, Gen.Choose(0, 5000))
        from p in pending
        from running in Gen.OneOf(AnyInt, Gen.Choose(0, 5000))
        from states in Gen.Choose(0, 35)
        from ended in Gen.Choose(0, 100)
        from shortOnes in Gen.Choose(0, 100)
        from submitted in Gen.Choose(0, 2000)
        select new Case(prefix, k, allowNegative, ready, p, running, (byte)states, ended, shortOnes, submitted);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000);

    [Fact]
    public void A_chain_ending_in_MaxPending_never_exceeds_the_pending_room() =>
        Prop.ForAll(Cases(Gen.Choose(1, 400)).ToArbitrary(), c => c.Evaluate() <= Math.Max(0, c.K - c.Pending))
            .Check(Runs);

    [Fact]
    public void A_chain_ending_in_MaxPending_submits_nothing_without_fresh_batch_status() =>
        Prop.ForAll(Cases(Gen.Choose(0, 400)).ToArbitrary(), c =>
        {
            var stale = c.Context() with { BatchState = c.States % 2 == 0 ? StatusState.Stale : StatusState.Missing };
            return c.Chain().Evaluate(stale, []) == 0;
        }).Check(Runs);

    [Fact]
    public void The_room_property_holds_on_figures_near_the_int_limits()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 20_000; i++)
        {
            var c = new Case(
                Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next()).ToArray(),
                random.Next(0, int.MaxValue), random.Next(2) == 0,
                random.Next(int.MinValue, int.MaxValue), random.Next(1, int.MaxValue), random.Next(int.MinValue, int.MaxValue),
                (byte)random.Next(0, 36), random.Next(), random.Next(), random.Next());
            Assert.True(c.Evaluate() <= Math.Max(0, c.K - c.Pending), c.ToString());
        }
    }
}
