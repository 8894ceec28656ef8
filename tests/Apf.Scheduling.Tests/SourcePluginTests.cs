using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>Plugins that start a chain from status (they ignore their input).</summary>
public class SourcePluginTests
{
    [Theory]
    [InlineData(12, 3, 0, 9)]
    [InlineData(12, 3, 2, 7)]
    [InlineData(3, 12, 0, 0)]   // more pilots waiting than work: never negative
    [InlineData(0, 0, 0, 0)]
    [InlineData(5, 0, 5, 0)]    // offset swallows all the work
    [InlineData(5, 0, 9, 0)]
    public void Ready_submits_one_pilot_per_ready_job_not_covered(int ready, int pending, int offset, int expected)
    {
        var plugin = Valid("Ready", ("sched.ready.offset", offset.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(ready: ready, pending: pending), n: 40));
    }

    [Fact]
    public void Ready_ignores_its_input()
    {
        var plugin = Valid("Ready");
        Assert.Equal(4, plugin.Out(Fresh(ready: 4), n: -7));
        Assert.Equal(4, plugin.Out(Fresh(ready: 4), n: 1000));
    }

    [Fact]
    public void Ready_explains_its_figures()
    {
        var plugin = Valid("Ready", ("sched.ready.offset", "2"));
        Assert.Equal("Ready:in=0,ready=12,offset=2,pending=3,ret=7", plugin.Explained(Fresh(ready: 12, pending: 3)));
    }

    [Fact]
    public void Ready_saturates_instead_of_wrapping_around()
    {
        var plugin = Valid("Ready");
        Assert.Equal(0, plugin.Out(Fresh(ready: int.MinValue, pending: int.MaxValue)));
        Assert.Equal(int.MaxValue, plugin.Out(Fresh(ready: int.MaxValue, pending: int.MinValue)));
    }

    [Theory]
    [InlineData(10, 4, 6)]
    [InlineData(4, 10, 0)]
    [InlineData(0, 0, 0)]
    public void Fillactivated_fills_the_activated_jobs(int ready, int pending, int expected) =>
        Assert.Equal(expected, Valid("Fillactivated").Out(Fresh(ready: ready, pending: pending), n: 99));

    [Fact]
    public void Fillactivated_trickles_its_default_without_wms_status_only_while_nothing_is_pending()
    {
        var plugin = Valid("Fillactivated", ("sched.fillactivated.default", "2"));
        var wmsDown = Fresh(ready: 50) with { WmsState = StatusState.Stale };

        var step = plugin.Step(wmsDown);
        Assert.Equal(new SchedulerStep(2, StepNote.WmsStale), step);
        Assert.Equal("Fillactivated:in=0,pending=0,default=2,ret=2,note=wms status stale", plugin.Explain(wmsDown, 0, step));

        Assert.Equal(new SchedulerStep(0, StepNote.WmsStale), plugin.Step(wmsDown with { Pending = 1 }));
        Assert.Equal(new SchedulerStep(0, StepNote.BatchMissing), plugin.Step(wmsDown with { BatchState = StatusState.Missing }));
    }

    [Fact]
    public void Fillactivated_default_is_zero()
    {
        var plugin = Valid("Fillactivated");
        Assert.Equal(new SchedulerStep(0, StepNote.WmsMissing), plugin.Step(Fresh(ready: 50) with { WmsState = StatusState.Missing }));
    }

    [Theory]
    [InlineData(10, 4, "1.0", "1.0", 6)]
    [InlineData(10, 4, "0.5", "1.0", 1)]     // ⌊5⌋ − ⌊4⌋
    [InlineData(10, 4, "0.35", "0.5", 1)]    // ⌊3.5⌋ − ⌊2⌋
    [InlineData(10, 30, "1", "1", 0)]
    [InlineData(7, 3, "1", "0", 7)]          // pending ignored
    public void WeightedActivated_weighs_ready_and_pending(int ready, int pending, string wa, string wp, int expected)
    {
        var plugin = Valid("WeightedActivated", ("sched.weightedactivated.activated", wa), ("sched.weightedactivated.pending", wp));
        Assert.Equal(expected, plugin.Out(Fresh(ready: ready, pending: pending)));
    }

    [Fact]
    public void WeightedActivated_explains_its_weights()
    {
        var plugin = Valid("WeightedActivated", ("sched.weightedactivated.activated", "0.5"));
        Assert.Equal("WeightedActivated:in=0,ready=10,wa=0.5,pending=4,wp=1,ret=1", plugin.Explained(Fresh(ready: 10, pending: 4)));
    }

    [Fact]
    public void Fixed_submits_the_same_number_every_cycle_whatever_the_status()
    {
        var plugin = Valid("Fixed", ("sched.fixed.pilotspercycle", "3"));
        Assert.Equal(3, plugin.Out(Fresh(), n: 0));
        Assert.Equal(3, plugin.Out(Fresh(ready: 100, pending: 100), n: -5));
        Assert.Equal(3, plugin.Out(default, n: 50));
        Assert.Equal("Fixed:in=8,pilotspercycle=3,ret=3", plugin.Explained(Fresh(), n: 8));
    }

    [Fact]
    public void Fixed_defaults_to_zero() => Assert.Equal(0, Valid("Fixed").Out(Fresh(), n: 9));

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-17)]
    public void Null_always_says_zero(int n)
    {
        var plugin = Valid("Null");
        Assert.Equal(0, plugin.Out(Fresh(ready: 9), n));
        Assert.Equal($"Null:in={n},ret=0", plugin.Explained(Fresh(), n));
    }
}
