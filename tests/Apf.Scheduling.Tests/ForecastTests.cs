using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>Forecast: pilots for the work expected when a new pilot would start, learning delay and trend from cycle to cycle.</summary>
public class ForecastTests
{
    private static SchedulerContext At(int seconds, int ready = 0, int pending = 0, int running = 0, int wmsRunning = 0, long submitted = 0) =>
        Fresh(ready: ready, pending: pending, running: running) with
        {
            Now = Now.AddSeconds(seconds),
            WmsRunning = wmsRunning,
            SubmittedTotal = submitted,
        };

    [Theory]
    [InlineData(10, 3, 5, 5, 11)]    // no history: ready − pending, plus a safety stock of ⌈√10⌉ = 4 while jobs wait
    [InlineData(10, 0, 8, 5, 11)]    // 3 running pilots without a job will take 3 ready jobs first
    [InlineData(0, 0, 4, 4, 0)]      // no work, no safety stock
    [InlineData(2, 3, 0, 0, 1)]      // 2 + ⌈√2⌉ − 3
    public void Without_history_it_asks_for_ready_jobs_not_covered_by_pending_or_idle_pilots(int ready, int pending, int running, int wmsRunning, int expected) =>
        Assert.Equal(expected, Valid("Forecast").Out(At(0, ready, pending, running, wmsRunning)));

    [Fact]
    public void Without_safety_stock_it_asks_for_exactly_the_uncovered_jobs() =>
        Assert.Equal(7, Valid("Forecast", ("sched.forecast.safety", "0")).Out(At(0, ready: 10, pending: 3)));

    [Theory]
    [InlineData("1", 1, 2)]        // 1 + ⌈√1⌉
    [InlineData("1", 9, 12)]       // 9 + ⌈√9⌉
    [InlineData("1", 100, 110)]    // the stock grows as the root of the load, not in proportion
    [InlineData("0.5", 100, 105)]
    [InlineData("2", 4, 8)]
    public void The_safety_stock_grows_as_the_square_root_of_the_expected_jobs(string safety, int ready, int expected) =>
        Assert.Equal(expected, Valid("Forecast", ("sched.forecast.safety", safety)).Out(At(0, ready: ready)));

    [Fact]
    public void A_growing_queue_gets_pilots_for_the_jobs_expected_by_the_time_they_start()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "600"));
        plugin.Out(At(0));
        // 36 more ready jobs in 360 s: trend 0.3 · 0.1/s = 0.03/s, times 600 s = 18 more.
        Assert.Equal(62, plugin.Out(At(360, ready: 36)));   // and a safety stock of ⌈√54⌉ = 8
        Assert.Equal("Forecast:in=0,ready=36,trend=108/h,delay=600s,projected=54,spare=8,pending=0,idle=0,ret=62", plugin.Explained(At(360, ready: 36)));
    }

    [Fact]
    public void Anticipation_never_more_than_doubles_the_ready_jobs()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "36000"), ("sched.forecast.smoothing", "1"), ("sched.forecast.safety", "0"));
        plugin.Out(At(0));
        Assert.Equal(2 * 10 + 1, plugin.Out(At(60, ready: 10)));
    }

    [Fact]
    public void A_shrinking_queue_asks_for_fewer_pilots_than_ready_jobs()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "600"), ("sched.forecast.smoothing", "1"), ("sched.forecast.spare", "1"), ("sched.forecast.safety", "0"));
        plugin.Out(At(0, ready: 40));
        // 20 jobs absorbed in 360 s by running pilots: 20 − 20/360·600 < 0, only the spare is asked for.
        Assert.Equal(1, plugin.Out(At(360, ready: 20, running: 20, wmsRunning: 20)));
    }

    [Theory]
    [InlineData(null, null, -10)]      // the whole surplus each cycle (default)
    [InlineData("0.5", null, -5)]
    [InlineData("0.25", null, -3)]
    [InlineData(null, "false", 0)]
    public void Surplus_pending_pilots_are_retired_while_they_still_wait(string? share, string? retire, int expected)
    {
        var keys = new List<(string, string)>();
        if (share is not null) keys.Add(("sched.forecast.retireshare", share));
        if (retire is not null) keys.Add(("sched.forecast.retire", retire));
        Assert.Equal(expected, Valid("Forecast", keys.ToArray()).Out(At(0, ready: 0, pending: 10)));
    }

    [Fact]
    public void Spare_keeps_extra_pilots_waiting_while_jobs_wait()
    {
        Assert.Equal(3, Valid("Forecast", ("sched.forecast.spare", "2"), ("sched.forecast.safety", "0")).Out(At(0, ready: 1)));
        Assert.Equal(4, Valid("Forecast", ("sched.forecast.spare", "2")).Out(At(0, ready: 1)));   // plus ⌈√1⌉
        Assert.Equal(0, Valid("Forecast", ("sched.forecast.spare", "2")).Out(At(0, ready: 0, pending: 0)));   // none for a quiet queue
    }

    [Fact]
    public void The_batch_delay_is_learned_from_pending_pilots_and_starts()
    {
        var plugin = (Forecast)Valid("Forecast", ("sched.forecast.delay", "60"), ("sched.forecast.retire", "false"));
        Assert.Equal(TimeSpan.FromSeconds(60), plugin.Delay);
        // 10 pilots always pending, 10 submitted and 10 started every 600 s: Little's law gives 600 s.
        for (var cycle = 0; cycle <= 5; cycle++) plugin.Out(At(600 * cycle, pending: 10, submitted: 10L * cycle));
        Assert.Equal(600, plugin.Delay.TotalSeconds, precision: 6);
    }

    [Fact]
    public void Pilots_it_retired_are_not_taken_for_starts()
    {
        var plugin = (Forecast)Valid("Forecast", ("sched.forecast.delay", "60"));
        Assert.Equal(-10, plugin.Out(At(0, pending: 10)));                  // all 10 would start to nothing
        plugin.Out(At(360, pending: 0));                                    // gone because retired, not started
        Assert.Equal(TimeSpan.FromSeconds(60), plugin.Delay);
        plugin.Out(At(720, pending: 0, submitted: 4));                     // 4 submitted and started since
        Assert.NotEqual(TimeSpan.FromSeconds(60), plugin.Delay);
    }

    [Fact]
    public void A_second_evaluation_at_the_same_instant_gives_the_same_answer()
    {
        var plugin = Valid("Forecast");
        plugin.Out(At(0, ready: 5));
        var first = plugin.Out(At(360, ready: 30, pending: 4));
        Assert.Equal(first, plugin.Out(At(360, ready: 30, pending: 4)));
        Assert.Equal(first, new SchedulerChain([plugin]).Decide(At(360, ready: 30, pending: 4)).Result);
    }

    [Theory]
    [InlineData(StatusState.Stale, StatusState.Fresh, StepNote.WmsStale)]
    [InlineData(StatusState.Missing, StatusState.Fresh, StepNote.WmsMissing)]
    [InlineData(StatusState.Fresh, StatusState.Stale, StepNote.BatchStale)]
    [InlineData(StatusState.Fresh, StatusState.Missing, StepNote.BatchMissing)]
    public void Without_fresh_status_it_neither_submits_nor_retires(StatusState wms, StatusState batch, StepNote note)
    {
        var plugin = Valid("Forecast");
        var step = plugin.Step(At(0, ready: 50, pending: 80) with { WmsState = wms, BatchState = batch });
        Assert.Equal(new SchedulerStep(0, note), step);
    }

    [Fact]
    public void Bad_options_are_reported_with_their_keys()
    {
        var built = Build("Forecast",
            ("sched.forecast.delay", "soon"),
            ("sched.forecast.smoothing", "0"),
            ("sched.forecast.retireshare", "2"),
            ("sched.forecast.spare", "-1"),
            ("sched.forecast.safety", "-0.5"),
            ("sched.forecast.retire", "maybe"));
        Assert.Equal(
            ["sched.forecast.delay", "sched.forecast.retire", "sched.forecast.retireshare", "sched.forecast.safety", "sched.forecast.smoothing", "sched.forecast.spare"],
            built.Errors.Select(e => e.Key!).Order(StringComparer.Ordinal));
    }
}
