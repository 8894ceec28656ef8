using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>Plugins that aim at a number of live pilots and may ask to retire some.</summary>
public class TargetPluginTests
{
    [Theory]
    [InlineData(0, 10, 3, 4, 3)]
    [InlineData(0, 10, 8, 7, -5)]     // above target: retire 5
    [InlineData(99, 10, 0, 0, 10)]    // the key wins over the input
    public void KeepNRunning_aims_at_keep_running(int n, int keep, int pending, int running, int expected)
    {
        var plugin = Valid("KeepNRunning", ("sched.keepnrunning.keep_running", keep.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(pending: pending, running: running), n));
        Assert.Equal($"KeepNRunning:in={n},keep={keep},pending={pending},running={running},ret={expected}",
            plugin.Explained(Fresh(pending: pending, running: running), n));
    }

    [Theory]
    [InlineData(6, 1, 2, 3)]
    [InlineData(0, 1, 2, -3)]
    [InlineData(-2, 0, 0, -2)]
    public void KeepNRunning_without_key_takes_its_input_as_the_target(int n, int pending, int running, int expected) =>
        Assert.Equal(expected, Valid("KeepNRunning").Out(Fresh(pending: pending, running: running), n));

    [Theory]
    [InlineData(0, 20, 5, 5, 10)]
    [InlineData(0, 20, 15, 10, -5)]
    [InlineData(0, 0, 0, 0, 0)]
    public void KeepNQueueLife_keeps_njobs_in_the_batch_system(int n, int njobs, int pending, int running, int expected)
    {
        var plugin = Valid("KeepNQueueLife", ("sched.keepnqueuelife.njobs", njobs.ToString()));
        Assert.Equal(expected, plugin.Out(Fresh(pending: pending, running: running), n));
        Assert.Equal($"KeepNQueueLife:in={n},keep={njobs},jobsinqueue={pending + running},ret={expected}",
            plugin.Explained(Fresh(pending: pending, running: running), n));
    }

    [Fact]
    public void KeepNQueueLife_without_key_takes_its_input_as_the_target() =>
        Assert.Equal(4, Valid("KeepNQueueLife").Out(Fresh(pending: 3, running: 3), 10));
}
