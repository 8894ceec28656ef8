using System.Diagnostics;
using Apf.Contracts;
using Apf.Factory.Hosting;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Apf.Bench.Broker;

/// <summary>
/// Submit commands per second: the command queue is filled first, then one or two Submitter hosts (each its
/// own broker connection, as separate processes would have) drain it; timed until every result is seen.
/// </summary>
internal static class ThroughputBench
{
    public static async Task<(double Seconds, double PerSecond)> RunAsync(BenchFactory factory, int submitters, int count)
    {
        // A Submitter host started and stopped once declares the durable command queue, which then holds the backlog.
        using (var declare = factory.Build(FactoryRoles.Submitter))
        {
            await declare.StartAsync();
            await declare.StopAsync();
        }
        var results = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = factory.ObserverBus(e => e.Handler<PilotsSubmitted>(_ =>
        {
            if (Interlocked.Increment(ref results) == count) done.TrySetResult();
            return Task.CompletedTask;
        }));
        await bus.StartAsync();
        var decidedAt = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => bus.Publish(new SubmitPilots
        {
            CommandId = NewId.NextGuid(), Factory = BenchFactory.FactoryId, Queue = BenchFactory.Queue, Count = 1 + i % 3,
            ConfigVersion = 1, Cycle = i, DecidedAt = decidedAt, Explanation = "bench",
        })));

        var hosts = Enumerable.Range(0, submitters).Select(_ => factory.Build(FactoryRoles.Submitter)).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(90));
        clock.Stop();
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        await bus.StopAsync();
        return (clock.Elapsed.TotalSeconds, count / clock.Elapsed.TotalSeconds);
    }
}
