using Apf.Monitoring.State;

namespace Apf.Monitoring.Tests;

public class QueueHealthTests
{
    private static readonly MonitorOptions Options = new() { FloodingFactor = 2, FloodingMinimum = 10, StaleAfter = TimeSpan.FromMinutes(5) };
    private static readonly DateTimeOffset Now = MonitorHost.Start;

    [Fact]
    public void Work_waiting_without_pilots_is_starved() =>
        Assert.Equal(QueueHealth.Starved, QueueHealth.Judge(MonitorHost.Decision("q", 1, ready: 5, pending: 0, running: 0, decision: 3), null, Now, Options));

    [Fact]
    public void Pilots_on_their_way_are_not_starved() =>
        Assert.Equal(QueueHealth.Ok, QueueHealth.Judge(MonitorHost.Decision("q", 1, ready: 5, pending: 0, running: 2, decision: 3), null, Now, Options));

    [Fact]
    public void In_flight_pilots_count_as_pending() =>
        Assert.Equal(QueueHealth.Ok, QueueHealth.Judge(MonitorHost.Decision("q", 1, ready: 5, pending: 0, running: 0, decision: 3) with { InFlight = 2 }, null, Now, Options));

    [Theory]
    [InlineData(2, 30, "flooding")]   // 30 > 2 × 2 and 28 more than ready
    [InlineData(20, 30, "ok")]        // 30 < 2 × 20
    [InlineData(0, 9, "ok")]          // above ready × 2, but fewer than 10 more
    [InlineData(0, 10, "flooding")]
    public void Pending_far_above_ready_is_flooding(int ready, int pending, string health) =>
        Assert.Equal(health, QueueHealth.Judge(MonitorHost.Decision("q", 1, ready, pending, running: 1, decision: 0), null, Now, Options));

    [Fact]
    public void A_cycle_error_or_a_failed_submission_is_erroring()
    {
        Assert.Equal(QueueHealth.Erroring, QueueHealth.Judge(MonitorHost.Decision("q", 1, 5, 0, 0, 0, error: "plugin threw"), null, Now, Options));
        Assert.Equal(QueueHealth.Erroring, QueueHealth.Judge(MonitorHost.Decision("q", 1, 5, 1, 1, 0), "sbatch: error", Now, Options));
    }

    [Fact]
    public void An_old_decision_or_stale_status_is_stale()
    {
        var decided = MonitorHost.Decision("q", 1, 5, 1, 1, 0);
        Assert.Equal(QueueHealth.Stale, QueueHealth.Judge(decided, null, Now + TimeSpan.FromMinutes(6), Options));
        Assert.Equal(QueueHealth.Stale, QueueHealth.Judge(decided with { BatchState = "stale (age 400 s > maxage 300 s)" }, null, Now, Options));
        Assert.Equal(QueueHealth.Ok, QueueHealth.Judge(decided, null, Now + TimeSpan.FromMinutes(4), Options));
    }

    [Fact]
    public void No_decision_yet_is_waiting() =>
        Assert.Equal(QueueHealth.Waiting, QueueHealth.Judge(null, null, Now, Options));
}
