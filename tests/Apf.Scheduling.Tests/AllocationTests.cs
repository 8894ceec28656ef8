using Apf.Contracts;
using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;

namespace Apf.Scheduling.Tests;

/// <summary>Evaluating a chain runs for every queue every cycle: it must not allocate (the explanation is formatted on demand).</summary>
public class AllocationTests
{
    [Fact]
    public void Apply_allocates_nothing_in_any_plugin_and_any_status()
    {
        ISchedulerPlugin[] plugins =
        [
            new Ready(1), new Fillactivated(2), new WeightedActivated(0.5, 1.5), new Fixed(3), new Scale(0.3), new MaxPerCycle(10),
            new MaxPerCycle(null), new MinPerCycle(1), new MaxPending(25, false), new MinPending(4), new MaxToRun(50), new MaxPerFactory(100),
            new KeepNRunning(null), new KeepNQueueLife(9), new StatusOffline(1), new StatusTest(1), new Throttle(0.4, 2), new MaxToSubmit(500),
            new MinToSubmit(5), new Null(), new KedaDefault(new KedaScaledJob()), new KedaCustom(new KedaScaledJob(), 2, 0.5),
            new KedaAccurate(new KedaScaledJob(2, 50, 3)), new KedaEager(new KedaScaledJob()),
        ];
        SchedulerContext[] contexts =
        [
            Fresh(ready: 100, pending: 10, running: 20) with { RecentlyEnded = 10, RecentlyEndedShort = 9, FactoryPending = 60, FactoryRunning = 60 },
            Fresh(ready: 3, pending: 0, site: SiteState.Offline),
            Fresh(ready: 3, pending: 40, site: SiteState.Test),
            Fresh(ready: 7) with { WmsState = StatusState.Stale },
            Fresh(ready: 7) with { BatchState = StatusState.Missing },
        ];
        var chain = new SchedulerChain(plugins);
        Span<SchedulerStep> trace = stackalloc SchedulerStep[plugins.Length];

        var sum = Run(plugins, contexts, chain, trace);   // warm up: JIT and static initialisers allocate once
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) sum += Run(plugins, contexts, chain, trace);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sum);
    }

    private static long Run(ISchedulerPlugin[] plugins, SchedulerContext[] contexts, SchedulerChain chain, Span<SchedulerStep> trace)
    {
        long sum = 0;
        for (var c = 0; c < contexts.Length; c++)
        {
            for (var p = 0; p < plugins.Length; p++) sum += plugins[p].Apply(in contexts[c], 7).Output;
            sum += chain.Evaluate(in contexts[c], trace);
        }
        return sum;
    }
}
