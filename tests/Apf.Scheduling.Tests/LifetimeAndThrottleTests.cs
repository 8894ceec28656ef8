using Apf.Core.Configuration;
using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

public class LifetimeAndThrottleTests
{
    private static SchedulerContext Ended(int ended, int shortOnes) => Fresh() with { RecentlyEnded = ended, RecentlyEndedShort = shortOnes };

    [Theory]
    [InlineData(10, 0, 0, 10, StepNote.None)]        // nothing ended recently: no judgement
    [InlineData(10, 10, 5, 10, StepNote.None)]       // exactly the ratio is not above it
    [InlineData(10, 10, 6, 1, StepNote.Throttled)]
    [InlineData(0, 10, 10, 0, StepNote.Throttled)]   // never raises its input
    [InlineData(-3, 10, 10, -3, StepNote.Throttled)] // retiring is still allowed
    public void Throttle_submits_little_while_pilots_die_young(int n, int ended, int shortOnes, int expected, StepNote note) =>
        Assert.Equal(new SchedulerStep(expected, note), Valid("Throttle").Step(Ended(ended, shortOnes), n));

    [Fact]
    public void Throttle_reads_ratio_and_submit_and_explains()
    {
        var plugin = Valid("Throttle", ("sched.throttle.ratio", "0.2"), ("sched.throttle.submit", "3"));
        Assert.Equal(20, plugin.Out(Ended(10, 2), 20));
        Assert.Equal("Throttle:in=20,ended=10,short=3,ratio=0.2,submit=3,ret=3,note=short-lived pilots above ratio",
            plugin.Explained(Ended(10, 3), 20));
    }

    [Fact]
    public void Throttle_window_is_read_for_the_core_with_APF_defaults()
    {
        var errors = new List<ConfigError>();
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromSeconds(10)), Throttle.ReadWindow(new SettingsReader(Settings.Empty, "q", errors)));
        var settings = new Settings([
            KeyValuePair.Create("sched.throttle.interval", new SettingValue("30m", "queues.conf")),
            KeyValuePair.Create("sched.throttle.maxtime", new SettingValue("-5", "queues.conf"))]);
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)), Throttle.ReadWindow(new SettingsReader(settings, "q", errors)));
        Assert.Equal("sched.throttle.maxtime", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(10, 0, 100, 10, StepNote.None)]
    [InlineData(10, 95, 100, 5, StepNote.LifetimeCapReached)]
    [InlineData(10, 100, 100, 0, StepNote.LifetimeCapReached)]
    [InlineData(10, 150, 100, 0, StepNote.LifetimeCapReached)]
    [InlineData(-2, 150, 100, -2, StepNote.None)]
    public void MaxToSubmit_caps_what_a_queue_submits_in_its_life(int n, long submitted, int max, int expected, StepNote note)
    {
        var plugin = Valid("MaxToSubmit", ("sched.maxtosubmit.maximum", max.ToString()));
        Assert.Equal(new SchedulerStep(expected, note), plugin.Step(Fresh() with { SubmittedTotal = submitted }, n));
    }

    [Fact]
    public void MaxToSubmit_explains_and_needs_no_status()
    {
        var plugin = Valid("MaxToSubmit", ("sched.maxtosubmit.maximum", "100"));
        SchedulerContext noStatus = default;
        Assert.Equal("MaxToSubmit:in=10,submitted=95,max=100,ret=5,note=lifetime submit cap reached",
            plugin.Explained(noStatus with { SubmittedTotal = 95 }, 10));
    }

    [Theory]
    [InlineData(0, 0, 20, 20)]
    [InlineData(3, 15, 20, 5)]
    [InlineData(9, 15, 20, 9)]
    [InlineData(0, 20, 20, 0)]
    [InlineData(-4, 40, 20, -4)]
    [InlineData(-30, 40, 20, -30)]
    [InlineData(-30, 20, 20, -30)]
    public void MinToSubmit_warms_a_queue_up_to_its_lifetime_minimum(int n, long submitted, int min, int expected)
    {
        var plugin = Valid("MinToSubmit", ("sched.mintosubmit.minimum", min.ToString()));
        var context = Fresh() with { SubmittedTotal = submitted };
        Assert.Equal(expected, plugin.Out(context, n));
        Assert.Equal($"MinToSubmit:in={n},submitted={submitted},min={min},ret={expected}", plugin.Explained(context, n));
    }
}
