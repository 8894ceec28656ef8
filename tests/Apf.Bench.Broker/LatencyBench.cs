using System.Diagnostics;
using Apf.Contracts;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Apf.Bench.Broker;

/// <summary>
/// Latency from a pair of status snapshots published to the submit command they cause, consumed: the bench
/// plays the two status services and the Submitter, a real Scheduler host decides in between.
/// </summary>
internal static class LatencyBench
{
    public static async Task<(Samples Total, Samples Delivery)> RunAsync(BenchFactory factory, int count)
    {
        using var scheduler = factory.Build(FactoryRoles.Scheduler);
        await scheduler.StartAsync();
        var queue = scheduler.Services.GetRequiredService<IFactoryConfigProvider>().Current.Queues.Single();
        var next = Channel();
        var bus = factory.ObserverBus(e => e.Handler<SubmitPilots>(c =>
        {
            next.Writer.TryWrite((c.Message, Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        }));
        await bus.StartAsync();
        var samples = new Samples();
        var delivery = new Samples();
        try
        {
            for (var i = 0; i < count + 10; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var now = DateTimeOffset.UtcNow;
                await bus.Publish(new WmsStatusObserved
                {
                    SnapshotId = NewId.NextGuid(), Source = queue.WmsSource, ObservedAt = now,
                    Queues = new Dictionary<string, WmsQueueFigures> { [queue.Options.WmsQueue] = new() { Ready = 5 } },
                });
                await bus.Publish(new BatchStatusObserved { SnapshotId = NewId.NextGuid(), Source = queue.BatchSource, ObservedAt = now, QueuesAsked = [queue.Name] });
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var (command, consumedAt, consumedUtc) = await next.Reader.ReadAsync(timeout.Token);
                if (i >= 10) // the first ten warm up
                {
                    samples.Add(Stopwatch.GetElapsedTime(start, consumedAt).TotalMilliseconds);
                    delivery.Add((consumedUtc - command.DecidedAt).TotalMilliseconds);
                }
                // Answer as a Submitter would, so the Scheduler's in-flight ledger settles before the next sample.
                await bus.Publish(new PilotsSubmitted
                {
                    CommandId = command.CommandId, Factory = command.Factory, Queue = command.Queue, Requested = command.Count,
                    BatchIds = Enumerable.Range(0, command.Count).Select(n => $"{command.CommandId:N}.{n}").ToList(),
                    CompletedAt = DateTimeOffset.UtcNow,
                });
                // A random pause, so samples do not lock onto the Scheduler's 200 ms tick.
                await Task.Delay(50 + Random.Shared.Next(200));
            }
        }
        finally
        {
            await bus.StopAsync();
            await scheduler.StopAsync();
        }
        return (samples, delivery);
    }

    private static System.Threading.Channels.Channel<(SubmitPilots, long, DateTimeOffset)> Channel() =>
        System.Threading.Channels.Channel.CreateUnbounded<(SubmitPilots, long, DateTimeOffset)>();
}
