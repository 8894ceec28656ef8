using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>
/// KEDA ScaledJob strategies. KEDA's "running" counts every unfinished Job, so here it is pending + running pilots.
/// </summary>
public class KedaTests
{
    // ready, pending, running → (default, accurate, eager), targetAverageValue 1, max 100, min 0.
    [Theory]
    [InlineData(10, 0, 0, 10, 10, 10)]
    [InlineData(10, 4, 0, 6, 6, 10)]       // active 4: default 10−4; accurate 10−4; eager min(100−4−4, 10)
    [InlineData(10, 4, 3, 3, 6, 10)]       // active 7: default 3; accurate 10−4; eager min(89, 10)
    [InlineData(200, 10, 80, 10, 10, 0)]   // maxScale 100; active 90: default 10; accurate 100−90; eager 100−90−10
    [InlineData(0, 5, 5, 0, 0, 0)]         // never below 0: KEDA does not delete Jobs
    public void Strategies_follow_KEDA(int ready, int pending, int running, int @default, int accurate, int eager)
    {
        var context = Fresh(ready: ready, pending: pending, running: running);
        Assert.Equal(@default, Valid("KedaDefault").Out(context));
        Assert.Equal(accurate, Valid("KedaAccurate").Out(context));
        Assert.Equal(eager, Valid("KedaEager").Out(context));
        Assert.Equal(@default, Valid("KedaCustom").Out(context));   // custom with its defaults is default
    }

    [Fact]
    public void Target_average_value_and_max_replica_count_bound_max_scale()
    {
        var plugin = Valid("KedaDefault", ("sched.kedadefault.targetaveragevalue", "4"), ("sched.kedadefault.maxreplicacount", "3"));
        Assert.Equal(3, plugin.Out(Fresh(ready: 100)));   // min(⌈100/4⌉, 3)
        Assert.Equal(2, Valid("KedaDefault", ("sched.kedadefault.targetaveragevalue", "4")).Out(Fresh(ready: 5)));   // ⌈5/4⌉
        Assert.Equal(100, Valid("KedaDefault", ("sched.kedadefault.targetaveragevalue", "1e-300")).Out(Fresh(ready: 5)));
    }

    [Fact]
    public void Min_replica_count_is_reached_first()
    {
        var plugin = Valid("KedaAccurate", ("sched.kedaaccurate.minreplicacount", "5"));
        Assert.Equal(4, plugin.Out(Fresh(ready: 0, pending: 1)));          // 5 − 1 alive
        Assert.Equal(10, plugin.Out(Fresh(ready: 10, pending: 0, running: 5)));   // strategy on running 5 − 5 = 0
    }

    [Fact]
    public void Custom_deducts_queue_length_and_a_share_of_running()
    {
        var plugin = Valid("KedaCustom",
            ("sched.kedacustom.customscalingqueuelengthdeduction", "2"),
            ("sched.kedacustom.customscalingrunningjobpercentage", "0.5"));
        var context = Fresh(ready: 20, pending: 2, running: 5);   // active 7
        Assert.Equal(15, plugin.Out(context));                   // 20 − 2 − ⌊7·0.5⌋
        Assert.Equal("KedaCustom:in=0,queuelength=20,active=7,pending=2,target=1,min=0,max=100,maxscale=20,deduction=2,runningpercentage=0.5,ret=15",
            plugin.Explained(context));
    }

    [Fact]
    public void Keda_strategies_ignore_their_input() =>
        Assert.Equal(10, Valid("KedaEager").Out(Fresh(ready: 10), n: 500));
}
