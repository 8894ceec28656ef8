using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Factory.Scheduling;

namespace Apf.Distributed.Tests;

/// <summary>The restarted-Scheduler rule: no submission before earlier commands have settled and been seen by batch status.</summary>
public sealed class RestartGuardTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly QueueOptions Options = new() { Name = "q", WmsQueue = "q", WmsStatusPlugin = "w", BatchStatusPlugin = "b", BatchSubmitPlugin = "b", SchedPlugins = ["Ready"], Sleep = TimeSpan.FromSeconds(60), MaxAge = TimeSpan.FromSeconds(120), PluginTimeout = TimeSpan.FromSeconds(10) };

    private static BatchStatusObserved Batch(DateTimeOffset at) => new() { Source = "b", ObservedAt = at, SnapshotId = Guid.NewGuid(), Queues = new Dictionary<string, BatchQueueFigures>(), QueuesAsked = ["q"] };

    [Fact]
    public void Holds_until_commands_of_an_earlier_scheduler_have_expired_and_a_later_snapshot_shows_them()
    {
        var guard = new RestartGuard(enabled: true, Start);
        var settled = guard.SettledAt(Options);
        Assert.Equal(Start + TimeSpan.FromSeconds(60 + 120 + 2 * 10 + 2), settled);

        Assert.Contains("in flight", guard.HoldReason(Options, Start + TimeSpan.FromSeconds(30), Batch(Start + TimeSpan.FromSeconds(29))));
        Assert.Contains("batch snapshot", guard.HoldReason(Options, settled + TimeSpan.FromSeconds(1), Batch(settled - TimeSpan.FromSeconds(1))));
        Assert.Contains("batch snapshot", guard.HoldReason(Options, settled + TimeSpan.FromSeconds(1), null));
        Assert.Null(guard.HoldReason(Options, settled + TimeSpan.FromSeconds(5), Batch(settled + TimeSpan.FromSeconds(4))));
    }

    [Fact]
    public void Is_off_for_the_in_memory_bus_whose_commands_die_with_the_process()
    {
        var guard = new RestartGuard(enabled: false, Start);
        Assert.Null(guard.HoldReason(Options, Start, null));
    }
}
