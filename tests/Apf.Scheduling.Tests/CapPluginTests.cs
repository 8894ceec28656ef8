using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>Plugins that shape the number they receive: scale, caps and floors.</summary>
public class CapPluginTests
{
    [Theory]
    [InlineData(10, "0.25", 3)]   // ⌈2.5⌉
    [InlineData(10, "1.5", 15)]
    [InlineData(1, "0.1", 1)]     // rounds up: one ready job still gets a pilot
    [InlineData(0, "3", 0)]
    [InlineData(-5, "0.5", -2)]   // ⌈−2.5⌉: retirement scaled too
    [InlineData(7, "0", 0)]
    public void Scale_multiplies_and_rounds_up(int n, string factor, int expected) =>
        Assert.Equal(expected, Valid("Scale", ("sched.scale.factor", factor)).Out(Fresh(), n));

    [Fact]
    public void Scale_defaults_to_one_and_saturates()
    {
        Assert.Equal(42, Valid("Scale").Out(Fresh(), 42));
        Assert.Equal(int.MaxValue, Valid("Scale", ("sched.scale.factor", "10")).Out(Fresh(), int.MaxValue / 2));
        Assert.Equal("Scale:in=10,factor=0.25,ret=3", Valid("Scale", ("sched.scale.factor", "0.25")).Explained(Fresh(), 10));
    }

    [Theory]
    [InlineData(50, 20, 20)]
    [InlineData(5, 20, 5)]
    [InlineData(-8, 20, -8)]   // a per-cycle cap on submission does not block retirement
    [InlineData(3, 0, 0)]
    public void MaxPerCycle_caps_the_input(int n, int max, int expected) =>
        Assert.Equal(expected, Valid("MaxPerCycle", ("sched.maxpercycle.maximum", max.ToString())).Out(Fresh(), n));

    [Fact]
    public void MaxPerCycle_without_maximum_passes_and_says_so()
    {
        var plugin = Valid("MaxPerCycle");
        Assert.Equal(500, plugin.Out(Fresh(), 500));
        Assert.Equal("MaxPerCycle:comment=not set,in=500,ret=500", plugin.Explained(Fresh(), 500));
    }

    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(9, 2, 9)]
    [InlineData(-4, 2, 2)]    // APF lifts a retirement to the minimum
    [InlineData(-4, 0, 0)]
    public void MinPerCycle_floors_the_input(int n, int min, int expected)
    {
        var plugin = Valid("MinPerCycle", ("sched.minpercycle.minimum", min.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(), n));
        Assert.Equal($"MinPerCycle:in={n},min={min},ret={expected}", plugin.Explained(Fresh(), n));
    }

    [Fact]
    public void MinPerCycle_without_minimum_passes() => Assert.Equal(-3, Valid("MinPerCycle").Out(Fresh(), -3));

    [Theory]
    [InlineData(12, 30, 25, true, -5)]   // retire the 5 above the maximum
    [InlineData(12, 30, 25, false, 0)]
    [InlineData(12, 20, 25, true, 5)]
    [InlineData(3, 20, 25, true, 3)]
    [InlineData(12, 25, 25, true, 0)]
    [InlineData(40, 0, 25, true, 40)]    // nothing pending: free slots may exist (APF)
    [InlineData(-6, 0, 25, false, -6)]
    [InlineData(-6, 10, 25, false, -6)]  // allow_negative only bounds the room, not the input
    public void MaxPending_keeps_at_most_maximum_pilots_waiting(int n, int pending, int max, bool allowNegative, int expected)
    {
        var plugin = Valid("MaxPending", ("sched.maxpending.maximum", max.ToString()), ("sched.maxpending.allow_negative", allowNegative.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(pending: pending), n));
    }

    [Fact]
    public void MaxPending_explains_APF_style()
    {
        var plugin = Valid("MaxPending", ("sched.maxpending.maximum", "25"), ("sched.maxpending.allow_negative", "false"));
        Assert.Equal("MaxPending:in=12,pending=30,max=25,ret=0", plugin.Explained(Fresh(pending: 30), 12));
    }

    [Fact]
    public void MaxPending_without_batch_status_holds_back_instead_of_passing_through()
    {
        var plugin = Valid("MaxPending", ("sched.maxpending.maximum", "25"));
        var stale = Fresh(pending: 3) with { BatchState = StatusState.Stale };
        var step = plugin.Step(stale, 12);
        Assert.Equal(new SchedulerStep(0, StepNote.BatchStale), step);
        Assert.Equal("MaxPending:in=12,ret=0,note=batch status stale", plugin.Explain(stale, 12, step));
    }

    [Theory]
    [InlineData(0, 2, 5, 3)]
    [InlineData(4, 2, 5, 4)]
    [InlineData(0, 9, 5, 0)]
    [InlineData(-3, 9, 5, -3)]
    [InlineData(-3, 1, 5, 4)]
    [InlineData(-30, 12, 2, -10)]   // retire, but keep the minimum pending
    public void MinPending_keeps_at_least_minimum_pilots_waiting(int n, int pending, int min, int expected)
    {
        var plugin = Valid("MinPending", ("sched.minpending.minimum", min.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(pending: pending), n));
        Assert.Equal($"MinPending:in={n},pending={pending},min={min},ret={expected}", plugin.Explained(Fresh(pending: pending), n));
    }

    [Theory]
    [InlineData(10, 5, 20, 100, 10)]
    [InlineData(10, 50, 45, 100, 5)]
    [InlineData(10, 60, 45, 100, -5)]   // above the maximum: retire idle pilots (APF)
    [InlineData(0, 0, 0, 0, 0)]
    public void MaxToRun_caps_live_pilots(int n, int pending, int running, int max, int expected)
    {
        var plugin = Valid("MaxToRun", ("sched.maxtorun.maximum", max.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(pending: pending, running: running), n));
        Assert.Equal($"MaxToRun:in={n},pending={pending},running={running},max={max},ret={expected}",
            plugin.Explained(Fresh(pending: pending, running: running), n));
    }

    [Theory]
    [InlineData(10, 30, 40, 100, 10, StepNote.None)]
    [InlineData(50, 30, 40, 100, 30, StepNote.None)]
    [InlineData(50, 60, 40, 100, 0, StepNote.FactoryFull)]
    [InlineData(50, 70, 40, 100, 0, StepNote.FactoryFull)]
    [InlineData(-4, 70, 40, 100, -4, StepNote.None)]   // retiring only helps the factory
    public void MaxPerFactory_keeps_the_whole_factory_under_its_cap(int n, int factoryPending, int factoryRunning, int max, int expected, StepNote note)
    {
        var plugin = Valid("MaxPerFactory", max);
        var context = Fresh() with { FactoryPending = factoryPending, FactoryRunning = factoryRunning };
        Assert.Equal(new SchedulerStep(expected, note), plugin.Step(context, n));
    }

    [Fact]
    public void MaxPerFactory_queue_key_overrides_the_factory_cap_and_explains()
    {
        var plugin = Valid("MaxPerFactory", 1000, ("sched.maxperfactory.maximum", "100"));
        var context = Fresh() with { FactoryPending = 60, FactoryRunning = 40 };
        Assert.Equal("MaxPerFactory:in=50,factorypending=60,factoryrunning=40,max=100,ret=0,note=factory at its maximum", plugin.Explained(context, 50));
    }
}
