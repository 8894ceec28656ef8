using Apf.Bench.Broker;
using Apf.Factory.Hosting;
using Apf.Testing;

// Usage: dotnet run -c Release --project tests/Apf.Bench.Broker [-- latencySamples commands]
// Broker: APF_TEST_RABBITMQ if set, else a private rabbitmq-server started for the run.
var samples = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var commands = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;

await using var broker = new RabbitMqBroker();
var endpoint = await broker.StartAsync() ?? throw new InvalidOperationException(broker.UnavailableReason);
Console.WriteLine($"broker: {broker.Source} {endpoint}; {Environment.ProcessorCount} cores");
var work = Directory.CreateTempSubdirectory("apf-bench-").FullName;
var factory = new BenchFactory(endpoint.AmqpUri, work);

var (latency, delivery) = await LatencyBench.RunAsync(factory, samples);
Console.WriteLine($"snapshot published -> submit command consumed ({latency.Count} samples, scheduler tick 200 ms, apfqueue.sleep 0.1 s): {Describe(latency)}");
Console.WriteLine($"  of which command decided -> consumed (broker only): {Describe(delivery)}");
foreach (var submitters in (int[])[1, 2])
{
    var rate = await ThroughputBench.RunAsync(factory, submitters, commands);
    Console.WriteLine($"submit commands through {submitters} submitter(s): {commands} commands in {rate.Seconds:0.00} s = {rate.PerSecond:0} commands/s");
}
Directory.Delete(work, recursive: true);

static string Describe(Samples s) => $"p50 {s.P(0.50):0.0} ms, p99 {s.P(0.99):0.0} ms, min {s.P(0):0.0} ms, max {s.P(1):0.0} ms";
