using Apf.Contracts;
using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

public class SitePluginTests
{
    [Theory]
    [InlineData(SiteState.Online)]
    [InlineData(SiteState.Unknown)]   // the WMS does not say: treated as online
    [InlineData(SiteState.Test)]
    public void StatusOffline_passes_its_input_for_a_site_that_is_not_offline(SiteState site)
    {
        var plugin = Valid("StatusOffline");
        Assert.Equal(new SchedulerStep(7), plugin.Step(Fresh(site: site), 7));
        Assert.Equal(new SchedulerStep(-7), plugin.Step(Fresh(site: site), -7));
        Assert.Equal("StatusOffline:comment=not offline,in=7,ret=7", plugin.Explained(Fresh(site: site), 7));
    }

    [Fact]
    public void StatusOffline_gives_its_pilots_to_an_offline_site()
    {
        Assert.Equal(new SchedulerStep(0, StepNote.SiteOffline), Valid("StatusOffline").Step(Fresh(site: SiteState.Offline), 40));
        var plugin = Valid("StatusOffline", ("sched.statusoffline.pilots", "2"));
        Assert.Equal(2, plugin.Out(Fresh(site: SiteState.Offline), 40));
        Assert.Equal("StatusOffline:comment=offline,in=40,pilots=2,ret=2,note=site offline", plugin.Explained(Fresh(site: SiteState.Offline), 40));
    }

    [Theory]
    [InlineData(SiteState.Online)]
    [InlineData(SiteState.Unknown)]
    [InlineData(SiteState.Offline)]
    public void StatusTest_passes_its_input_for_a_site_not_in_test(SiteState site) =>
        Assert.Equal(new SchedulerStep(9), Valid("StatusTest").Step(Fresh(site: site), 9));

    [Fact]
    public void StatusTest_gives_its_pilots_to_a_site_in_test()
    {
        Assert.Equal(new SchedulerStep(0, StepNote.SiteTest), Valid("StatusTest").Step(Fresh(site: SiteState.Test), 9));
        var plugin = Valid("StatusTest", ("sched.statustest.pilots", "1"));
        Assert.Equal("StatusTest:comment=test,in=9,pilots=1,ret=1,note=site in test", plugin.Explained(Fresh(site: SiteState.Test), 9));
    }

    [Fact]
    public void Site_plugins_do_not_need_batch_status()
    {
        var noBatch = Fresh() with { BatchState = StatusState.Missing };
        Assert.Equal(5, Valid("StatusOffline").Out(noBatch, 5));
        Assert.Equal(5, Valid("StatusTest").Out(noBatch, 5));
    }
}
