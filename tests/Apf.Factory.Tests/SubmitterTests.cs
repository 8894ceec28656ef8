using Apf.Contracts;
using Apf.Core.Plugins;
using MassTransit;

namespace Apf.Factory.Tests;

public class SubmitterTests
{
    private static SubmitPilots Command(FactoryUnderTest f, int count, Guid? id = null) => new()
    {
        CommandId = id ?? NewId.NextGuid(),
        Factory = "testfactory",
        Queue = "qa",
        Count = count,
        DecidedAt = f.Time.GetUtcNow(),
        Explanation = "test",
    };

    private static async Task<PilotsSubmitted> SendAndWaitAsync(FactoryUnderTest f, SubmitPilots command)
    {
        var results = new List<PilotsSubmitted>();
        f.Progress.Submitted += r => { lock (results) results.Add(r); };
        await f.Bus.Publish(command, TestContext.Current.CancellationToken);
        await FactoryUnderTest.Eventually(() => { lock (results) return results.Any(r => r.CommandId == command.CommandId); });
        lock (results) return results.Single(r => r.CommandId == command.CommandId);
    }

    [Fact]
    public async Task A_redelivered_command_is_answered_from_the_ledger_and_submits_nothing()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        var command = Command(f, 4);

        var first = await SendAndWaitAsync(f, command);
        var again = await SendAndWaitAsync(f, command);

        Assert.Equal(4, first.BatchIds.Count);
        Assert.True(again.AlreadyApplied);
        Assert.Equal(first.BatchIds, again.BatchIds);
        Assert.Equal(4, f.Batch.Count("qa"));
        Assert.Equal(1, f.Batch.SubmitCalls);
    }

    [Fact]
    public async Task A_command_whose_pilots_exist_but_whose_ledger_entry_was_lost_submits_only_the_missing_ones()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        var command = Command(f, 5);
        // A submitter died after creating two of the five pilots, before recording anything.
        await f.Batch.SubmitAsync(new PilotRequest
        {
            Label = new PilotLabel("testfactory", "qa", command.CommandId),
            Count = 2,
            Executable = "/bin/true",
            LogDirectory = f.WorkDirectory,
        }, TestContext.Current.CancellationToken);

        var result = await SendAndWaitAsync(f, command);

        Assert.Null(result.Error);
        Assert.Equal(5, result.BatchIds.Count);
        Assert.Equal(5, f.Batch.Count("qa"));
    }

    [Fact]
    public async Task An_expired_command_is_refused()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        var command = Command(f, 3) with { DecidedAt = f.Time.GetUtcNow().AddMinutes(-10) };

        var result = await SendAndWaitAsync(f, command);

        Assert.Contains("expired", result.Error);
        Assert.Equal(0, f.Batch.Count("qa"));
    }

    [Fact]
    public async Task A_command_for_an_unknown_queue_is_refused()
    {
        await using var f = await FactoryUnderTest.StartAsync(FactoryUnderTest.TwoQueues);
        var command = Command(f, 3) with { Queue = "nosuchqueue" };

        var result = await SendAndWaitAsync(f, command);

        Assert.Contains("not an enabled queue", result.Error);
        Assert.Empty(f.Batch.Pilots);
    }
}
