namespace Apf.Distributed.Tests;

/// <summary>
/// Integration test 3: the broker is stopped and started again mid-run; the four service processes
/// reconnect by themselves and the run completes with every job done.
/// </summary>
public sealed class BrokerRestartTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Services_reconnect_after_a_broker_restart_and_the_run_completes()
    {
        var ct = TestContext.Current.CancellationToken;
        var endpoint = broker.Require();
        if (!broker.Broker.CanRestart) Assert.Skip($"the broker comes from {broker.Broker.Source}: the tests cannot restart it");
        await using var factory = new DistributedFactory(endpoint, "restart", "  local1:\n    wmsqueue: jobs\n");
        factory.Jobs.AddJobs("jobs", 4, "echo before the restart\n");
        await factory.StartObserverAsync(ct);
        await factory.StartAllAsync(ct);
        await factory.WaitUntilAsync(() => factory.Jobs.Count("jobs") is { Done: >= 1 }, TimeSpan.FromSeconds(90), "a first job done", ct);

        await broker.Broker.StopBrokerAsync(ct);
        // Work arrives while the broker is away: it must be picked up once it is back.
        factory.Jobs.AddJobs("jobs", 4, "echo after the restart\n");
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await broker.Broker.StartBrokerAgainAsync(ct);

        await factory.WaitUntilAsync(() => factory.Jobs.Count("jobs") is { Done: 8 }, TimeSpan.FromSeconds(150), "all 8 jobs done after the restart", ct);
        Assert.Equal(0, factory.Jobs.Count("jobs")!.Failed);
        foreach (var service in factory.Services)
        {
            Assert.False(service.HasExited, $"{service.Name} exited during the broker outage\n{factory.LogTails()}");
            await service.WaitHealthyAsync(TimeSpan.FromSeconds(30), ct);
        }
        var pilots = factory.AssertEveryCommandAppliedOnce("local1");
        TestContext.Current.TestOutputHelper?.WriteLine($"{pilots.Count} pilots for 8 jobs across the outage");
    }
}
