using Apf.Contracts;
using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>APF's production chain (etc/agisdefaults.conf): Ready, Scale, MaxPerCycle, MinPerCycle, StatusTest, StatusOffline, MaxPending.</summary>
public class ProductionChainTests
{
    private static readonly SchedulerChain Chain = PluginBuilder.Chain(
        Valid("Ready"),
        Valid("Scale", ("sched.scale.factor", "0.25")),
        Valid("MaxPerCycle", ("sched.maxpercycle.maximum", "20")),
        Valid("MinPerCycle", ("sched.minpercycle.minimum", "1")),
        Valid("StatusTest", ("sched.statustest.pilots", "1")),
        Valid("StatusOffline"),
        Valid("MaxPending", ("sched.maxpending.maximum", "25")));

    private static int Evaluate(in SchedulerContext context) => Chain.Evaluate(in context, []);

    [Fact]
    public void A_busy_online_queue_is_limited_by_its_pending_room()
    {
        var decision = Chain.Decide(Fresh(ready: 200, pending: 10, running: 50));
        Assert.Equal(15, decision.Result);
        Assert.Equal(
            "Ready:in=0,ready=200,offset=0,pending=10,ret=190 | Scale:in=190,factor=0.25,ret=48 | MaxPerCycle:in=48,max=20,ret=20 | " +
            "MinPerCycle:in=20,min=1,ret=20 | StatusTest:comment=not test,in=20,ret=20 | StatusOffline:comment=not offline,in=20,ret=20 | " +
            "MaxPending:in=20,pending=10,max=25,ret=15",
            decision.Explanation);
        Assert.Equal([190, 48, 20, 20, 20, 20, 15], decision.Steps.Select(s => s.Output));
        Assert.Equal([0, 190, 48, 20, 20, 20, 20], decision.Steps.Select(s => s.Input));
    }

    [Theory]
    [InlineData(8, 0, 2)]      // ⌈8/4⌉ = 2, nothing pending
    [InlineData(0, 0, 1)]      // no work: MinPerCycle keeps one pilot probing
    [InlineData(0, 3, 1)]
    [InlineData(400, 0, 20)]   // MaxPerCycle; pending 0 lets it through
    [InlineData(400, 24, 1)]
    [InlineData(400, 25, 0)]
    [InlineData(400, 40, -15)] // above MaxPending: retire 15 idle pilots
    public void An_online_queue(int ready, int pending, int expected) =>
        Assert.Equal(expected, Evaluate(Fresh(ready: ready, pending: pending)));

    [Fact]
    public void A_site_in_test_gets_its_test_pilots_and_an_offline_site_none()
    {
        Assert.Equal(1, Evaluate(Fresh(ready: 200, pending: 10, site: SiteState.Test)));
        Assert.Equal(0, Evaluate(Fresh(ready: 200, pending: 10, site: SiteState.Offline)));
        Assert.Equal(-5, Evaluate(Fresh(ready: 200, pending: 30, site: SiteState.Offline)));   // still retires above MaxPending
    }

    [Fact]
    public void Stale_wms_status_overrides_the_per_cycle_minimum()
    {
        var decision = Chain.Decide(Fresh(ready: 200, pending: 10) with { WmsState = StatusState.Stale });
        Assert.Equal(0, decision.Result);
        Assert.Equal("StatusTest:in=1,ret=0,note=wms status stale", decision.Steps[4].Explanation);
    }

    [Fact]
    public void Missing_batch_status_submits_nothing()
    {
        var decision = Chain.Decide(Fresh(ready: 200) with { BatchState = StatusState.Missing });
        Assert.Equal(0, decision.Result);
        Assert.EndsWith("MaxPending:in=1,ret=0,note=batch status missing", decision.Explanation);
    }
}
