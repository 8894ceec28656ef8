using Apf.Contracts;
using Apf.Factory.Hosting;
using Apf.Factory.Scheduling;
using Apf.Factory.Status;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Apf.Factory.Tests;

/// <summary>
/// A publish that never completes (a RabbitMQ confirmation lost with its connection) must cost the worker
/// loops one bounded gap, never the rest of the run: after a broker restart the status services went on
/// publishing, but the Scheduler, stuck on one such publish, never decided again.
/// </summary>
public class PublishHangTests
{
    [Fact]
    public async Task A_status_poller_publishes_again_after_a_publish_that_never_completes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        var (bus, probe) = HangingBus.Create(hangingPublishes: 1);
        var poller = new WmsStatusPoller(f.Config, bus, f.Time, NullLogger<WmsStatusPoller>.Instance);
        await poller.StartAsync(ct);
        try
        {
            // First turn: one snapshot per source (two sources), one of them hangs.
            await FactoryUnderTest.Eventually(() => probe.Calls == 2);
            await AdvanceUntil(f.Time, () => probe.Calls >= 4, TimeSpan.FromSeconds(5));
            Assert.True(probe.Published.Count >= 3);
            Assert.All(probe.Published, m => Assert.IsType<WmsStatusObserved>(m));
        }
        finally
        {
            // Bounded: a loop still stuck on its publish would otherwise hold the test for ever.
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await poller.StopAsync(stopping.Token);
        }
    }

    [Fact]
    public async Task A_scheduler_turn_stuck_on_a_publish_gives_up_at_the_limit_and_the_next_turn_decides()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        f.Wms["a"].Figures["work-a"] = new WmsQueueFigures { Ready = 5, Site = SiteState.Online };
        f.Wms["b"].Figures["work-b"] = new WmsQueueFigures { Ready = 0, Site = SiteState.Online };
        await f.PollAsync();
        var (bus, probe) = HangingBus.Create(hangingPublishes: 1);
        var loop = new SchedulerLoop(f.Config, f.Get<QueueCycle>(), f.Get<StatusCache>(), f.Ledger, bus, f.Time,
            new RestartGuard(enabled: false, f.Time.GetUtcNow()), NullLogger<SchedulerLoop>.Instance);

        // The submit command for qa is the publish that hangs.
        var stuck = loop.RunDueQueuesAsync(ct);
        await FactoryUnderTest.Eventually(() => probe.Calls == 1);
        Assert.False(stuck.IsCompleted);
        f.Time.Advance(BoundedPublish.Limit);
        await Task.WhenAny(stuck, Task.Delay(TimeSpan.FromSeconds(10), ct));
        Assert.True(stuck.IsCompleted, "the turn is still waiting for its publish");
        await Assert.ThrowsAsync<TimeoutException>(() => stuck);

        // The next cycle decides and publishes again; the command whose fate is unknown counts as in flight.
        f.Time.Advance(TimeSpan.FromSeconds(60));
        await loop.RunDueQueuesAsync(ct);
        var decisions = probe.Published.OfType<QueueDecided>().ToList();
        Assert.Contains(decisions, d => d.Queue == "qa" && d.InFlight == 5 && d.Decision == 0);
        Assert.Contains(decisions, d => d.Queue == "qb");
        Assert.DoesNotContain(probe.Published, m => m is SubmitPilots);
    }

    [Fact]
    public async Task A_publish_that_completes_in_time_is_not_touched()
    {
        var (bus, probe) = HangingBus.Create(hangingPublishes: 0);
        await bus.PublishWithin(new PilotsRetired { CommandId = Guid.NewGuid(), Factory = "f", Queue = "q", Requested = 1, BatchIds = [], CompletedAt = DateTimeOffset.UnixEpoch },
            TimeSpan.FromSeconds(1), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Single(probe.Published);
    }

    /// <summary>Moves the fake clock in steps, letting the loop run between them, until <paramref name="done"/> holds.</summary>
    private static async Task AdvanceUntil(FakeTimeProvider time, Func<bool> done, TimeSpan step, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"still not done after {seconds} s of steps of {step.TotalSeconds} s on the fake clock");
            time.Advance(step);
            await Task.Delay(20);
        }
    }
}
