using Apf.Contracts;

namespace Apf.Factory.Tests;

public class SchedulerLoopTests
{
    [Fact]
    public async Task Submits_what_waits_and_never_asks_twice_for_pilots_not_yet_visible()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        f.Wms["a"].Figures["work-a"] = new WmsQueueFigures { Ready = 5, Site = SiteState.Online };
        f.Wms["b"].Figures["work-b"] = new WmsQueueFigures { Ready = 0, Site = SiteState.Online };
        await f.PollAsync();

        var first = await f.CycleAsync();
        Assert.Equal("submit 5", first["qa"].Action);
        Assert.Equal("none", first["qb"].Action);
        Assert.Equal(5, f.Batch.Count("qa"));

        // Same batch snapshot: the five pilots are not visible yet; they count as in flight.
        var second = await f.CycleAsync();
        Assert.Equal(5, second["qa"].InFlight);
        Assert.Equal(0, second["qa"].Decision);
        Assert.Equal(5, f.Batch.Count("qa"));

        // Fresh status shows them pending: Ready 5 − pending 5 = 0.
        await f.PollAsync();
        var third = await f.CycleAsync();
        Assert.Equal(0, third["qa"].Decision);
        Assert.Equal(5, f.Batch.Count("qa"));
    }

    [Fact]
    public async Task Pilots_submitted_after_the_batch_snapshot_count_as_pending_and_the_same_figures_are_not_acted_on_twice()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        f.Wms["a"].Figures["work-a"] = new WmsQueueFigures { Ready = 3 };
        f.Wms["b"].Figures["work-b"] = new WmsQueueFigures();
        await f.PollAsync();
        await f.CycleAsync();
        Assert.Equal(3, f.Batch.Count("qa"));

        // Only the WMS is read again (batch status lags): the three pilots are in flight.
        f.Wms["a"].Figures["work-a"] = new WmsQueueFigures { Ready = 4 };
        await f.PollWmsAsync();
        var next = await f.CycleAsync();
        Assert.Equal(3, next["qa"].InFlight);
        Assert.Equal(1, next["qa"].Decision);
        Assert.StartsWith("hold: batch status not refreshed", next["qa"].Action);
        Assert.Equal(3, f.Batch.Count("qa"));
    }

    [Fact]
    public async Task Stale_batch_status_means_no_submission_and_says_why()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        f.Wms["a"].Figures["work-a"] = new WmsQueueFigures { Ready = 5 };
        f.Wms["b"].Figures["work-b"] = new WmsQueueFigures();
        await f.PollAsync();

        // maxage is 120 s: three minutes later the same snapshots are stale.
        var decisions = await f.CycleAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(0, f.Batch.Count("qa"));
        Assert.Contains("stale", decisions["qa"].BatchState);
        Assert.Equal(0, decisions["qa"].Decision);
    }

    [Fact]
    public async Task A_failing_wms_affects_only_its_own_queue()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        f.Wms["a"].FailWith = new InvalidOperationException("PanDA said 503");
        f.Wms["b"].Figures["work-b"] = new WmsQueueFigures { Ready = 2 };
        await f.PollAsync();

        var decisions = await f.CycleAsync();
        Assert.Contains("PanDA said 503", decisions["qa"].WmsState);
        Assert.Equal(0, f.Batch.Count("qa"));
        Assert.Equal("submit 2", decisions["qb"].Action);
        Assert.Equal(2, f.Batch.Count("qb"));
    }

    [Fact]
    public async Task A_hanging_wms_times_out_and_affects_only_its_own_queue()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        f.Wms["a"].Hang = true;
        f.Wms["b"].Figures["work-b"] = new WmsQueueFigures { Ready = 1 };
        await f.PollAsync();

        var decisions = await f.CycleAsync();
        Assert.Contains("did not answer within 2 s", decisions["qa"].WmsState);
        Assert.Equal(1, f.Batch.Count("qb"));
    }
}
