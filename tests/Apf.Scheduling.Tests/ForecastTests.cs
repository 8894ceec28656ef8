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

    // Without history the delay is the 600 s default and the cycle APF's 360 s: a spare pilot is still
    // pending at the next cycle with probability recall = e^(−360/600) = 0.549.
    [Theory]
    [InlineData(10, 3, 5, 5, 12)]    // no history: ready − pending, plus a safety stock of round(3 · 0.549 · √10) = 5 while jobs wait
    [InlineData(10, 0, 8, 5, 12)]    // 3 running pilots without a job will take 3 ready jobs first
    [InlineData(0, 0, 4, 4, 0)]      // no work, no safety stock
    [InlineData(2, 3, 0, 0, 1)]      // 2 + round(3 · 0.549 · √2 = 2.33) − 3
    public void Without_history_it_asks_for_ready_jobs_not_covered_by_pending_or_idle_pilots(int ready, int pending, int running, int wmsRunning, int expected) =>
        Assert.Equal(expected, Valid("Forecast").Out(At(0, ready, pending, running, wmsRunning)));

    [Fact]
    public void Without_safety_stock_it_asks_for_exactly_the_uncovered_jobs() =>
        Assert.Equal(7, Valid("Forecast", ("sched.forecast.safety", "0")).Out(At(0, ready: 10, pending: 3)));

    [Theory]
    [InlineData("3", 1, 2)]        // 1 + round(3 · 0.549 · √1 = 1.65), at most one spare per waiting job
    [InlineData("3", 2, 4)]        // 2 + round(2.33)
    [InlineData("3", 9, 14)]       // 9 + round(4.94)
    [InlineData("3", 100, 116)]    // the stock grows as the root of the load, not in proportion
    [InlineData("1", 100, 105)]
    [InlineData("1", 1, 2)]        // rounded, not rounded up: 0.55 is one pilot...
    [InlineData("0.5", 1, 1)]      // ...0.27 is none
    public void The_safety_stock_grows_as_the_square_root_of_the_expected_jobs(string safety, int ready, int expected) =>
        Assert.Equal(expected, Valid("Forecast", ("sched.forecast.safety", safety)).Out(At(0, ready: ready)));

    [Theory]
    [InlineData("60", 10)]       // recall e^(−6): a spare would start before the next cycle could retire it
    [InlineData("600", 15)]      // recall 0.549: 10 + round(5.21)
    [InlineData("3600", 19)]     // recall 0.905: 10 + round(8.58); spares are cheap while they wait
    public void Spare_pilots_shrink_when_the_batch_delay_is_short_against_the_cycle(string delay, int expected) =>
        Assert.Equal(expected, Valid("Forecast", ("sched.forecast.delay", delay)).Out(At(0, ready: 10)));

    [Fact]
    public void The_recall_follows_the_cycle_actually_seen()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "600"));
        plugin.Out(At(0, ready: 10));
        // 120 s between cycles: recall e^(−0.2) = 0.819, stock round(3 · 0.819 · √10 = 7.77) = 8.
        Assert.Equal(18, plugin.Out(At(120, ready: 10)));
        Assert.Contains("recall=0.82,spare=8", plugin.Explained(At(120, ready: 10)));
    }

    [Fact]
    public void A_trend_within_its_own_noise_is_not_acted_on()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "3600"), ("sched.forecast.safety", "0"));
        var ready = new[] { 10, 30, 10, 30, 10, 30, 10, 30 };
        for (var i = 0; i < ready.Length - 1; i++) plugin.Out(At(360 * i, ready: ready[i]));
        // The smoothed change swings with the noise; projecting it over an hour would ask for dozens more.
        var last = At(360 * (ready.Length - 1), ready: 30);
        Assert.Equal(30, plugin.Out(last));
        Assert.Matches(@"trend=-?[0-9.]+/h\(noise\),delay=3600s,projected=30,", plugin.Explained(last));
    }

    [Fact]
    public void Without_the_gate_the_same_noise_is_projected()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "3600"), ("sched.forecast.safety", "0"), ("sched.forecast.trendgate", "0"));
        var ready = new[] { 10, 30, 10, 30, 10, 30, 10, 30 };
        for (var i = 0; i < ready.Length - 1; i++) plugin.Out(At(360 * i, ready: ready[i]));
        Assert.NotEqual(30, plugin.Out(At(360 * (ready.Length - 1), ready: 30)));
    }

    [Fact]
    public void A_growing_queue_gets_pilots_for_the_jobs_expected_by_the_time_they_start()
    {
        var plugin = Valid("Forecast", ("sched.forecast.delay", "600"));
        plugin.Out(At(0));
        // 36 more ready jobs in 360 s: trend 0.3 · 0.1/s = 0.03/s, times 600 s = 18 more.
        Assert.Equal(66, plugin.Out(At(360, ready: 36)));   // and a safety stock of round(3 · 0.549 · √54) = 12
        Assert.Equal("Forecast:in=0,ready=36,trend=108/h,delay=600s,projected=54,recall=0.55,spare=12,pending=0,idle=0,ret=66", plugin.Explained(At(360, ready: 36)));
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
        Assert.Equal(4, Valid("Forecast", ("sched.forecast.spare", "2")).Out(At(0, ready: 1)));   // plus the safety stock: one for the one job
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
    public void The_learned_batch_delay_is_kept_through_quiet_hours()
    {
        var plugin = (Forecast)Valid("Forecast", ("sched.forecast.delay", "60"), ("sched.forecast.retire", "false"));
        for (var cycle = 0; cycle <= 5; cycle++) plugin.Out(At(600 * cycle, pending: 10, submitted: 10L * cycle));
        plugin.Out(At(3360, submitted: 50));                                 // the last 10 start
        var learned = plugin.Delay;
        // Then nothing pending, submitted or started for a day: no news about the delay.
        for (var cycle = 2; cycle <= 240; cycle++) plugin.Out(At(3000 + 360 * cycle, submitted: 50));
        Assert.NotEqual(TimeSpan.FromSeconds(60), learned);
        Assert.Equal(learned.TotalSeconds, plugin.Delay.TotalSeconds, precision: 6);
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

    [Theory]
    [InlineData("1", 1, 2)]        // one hedge for a lone job, though round(3 · 0.549 · √1) = 2
    [InlineData("2", 1, 3)]        // the stock itself: 2
    [InlineData("0.5", 2, 3)]      // one spare for two jobs
    [InlineData("0", 10, 10)]      // no stock at all
    [InlineData("1", 10, 15)]      // a busy queue's stock, round(5.21), is under the cap
    public void The_safety_stock_is_at_most_stockperjob_spares_per_waiting_job(string perJob, int ready, int expected)
    {
        var plugin = Valid("Forecast", ("sched.forecast.stockperjob", perJob));
        Assert.Equal(expected, plugin.Out(At(0, ready: ready)));
        Assert.Contains($"spare={expected - ready},", plugin.Explained(At(0, ready: ready)));
    }

    [Theory]
    [InlineData("nearest", "3", 3, 6)]   // 3 · 0.549 · √3 = 2.85: 3 spares
    [InlineData("down", "3", 3, 5)]      // 2 spares: only whole ones
    [InlineData("nearest", "1", 1, 2)]   // 1 · 0.549 · √1 = 0.55: a spare for a lone job
    [InlineData("down", "1", 1, 1)]      // none
    [InlineData("Down", "3", 10, 15)]    // 5.21 either way (the value's case does not matter)
    public void The_safety_stock_is_rounded_as_stockrounding_says(string rounding, string safety, int ready, int expected)
    {
        var plugin = Valid("Forecast", ("sched.forecast.stockrounding", rounding), ("sched.forecast.safety", safety));
        Assert.Equal(expected, plugin.Out(At(0, ready: ready)));
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
            ("sched.forecast.trendgate", "-1"),
            ("sched.forecast.stockperjob", "-1"),
            ("sched.forecast.stockrounding", "up"),
            ("sched.forecast.retire", "maybe"));
        Assert.Equal(
            ["sched.forecast.delay", "sched.forecast.retire", "sched.forecast.retireshare", "sched.forecast.safety", "sched.forecast.smoothing", "sched.forecast.spare", "sched.forecast.stockperjob", "sched.forecast.stockrounding", "sched.forecast.trendgate"],
            built.Errors.Select(e => e.Key!).Order(StringComparer.Ordinal));
    }
}
