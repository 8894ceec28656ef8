namespace Apf.Distributed.Tests;

/// <summary>Integration test 1: the four services as separate processes drain a directory queue with local pilots.</summary>
public sealed class DrainTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Four_service_processes_drain_a_directory_queue_with_local_pilots()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new DistributedFactory(broker.Require(), "drain", "  local1:\n    wmsqueue: jobs\n");
        factory.Jobs.AddJobs("jobs", 8, "echo done by $APF_PILOT_ID\n");
        await factory.StartObserverAsync(ct);
        await factory.StartAllAsync(ct);

        await factory.WaitUntilAsync(() => factory.Jobs.Count("jobs") is { Done: 8 }, TimeSpan.FromSeconds(120), "8 jobs done", ct);

        Assert.Equal(0, factory.Jobs.Count("jobs")!.Failed);
        var pilots = factory.Pilots.List("local1");
        Assert.NotEmpty(pilots);
        Assert.True(pilots.Count <= 8, $"{pilots.Count} pilots for 8 jobs: over-submission");
        // Every pilot came from a command the Scheduler decided and a Submitter applied, over the broker.
        var applied = factory.Results.Where(r => r.Error is null).SelectMany(r => r.BatchIds).ToHashSet();
        Assert.True(applied.Count > 0, $"no submission result seen; {factory.Decisions.Count} decisions seen\n{factory.LogTails()}");
        Assert.All(pilots, p => Assert.Contains(p.Id, applied));
        Assert.All(factory.Services, s => Assert.False(s.HasExited, $"{s.Name} exited"));
    }
}
