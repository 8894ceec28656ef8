using Apf.Core.Scheduling;
using Apf.Scheduling;
using BenchmarkDotNet.Attributes;

namespace Apf.Benchmarks;

/// <summary>
/// The per-queue cost of a decision: the 5-plugin chain Ready, Scale, MaxPerCycle, MinPerCycle,
/// MaxPending over 1,000 queues with varied figures (reported per queue), with and without explanations;
/// and the lab's recommended chain Forecast, MaxPerCycle, MaxPending, one stateful chain per queue, each
/// call a new cycle (so Forecast learns every time, as in the factory).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class SchedulerChainBenchmarks
{
    private const int Queues = 1000;
    private SchedulerChain _chain = null!;
    private SchedulerContext[] _contexts = null!;
    private SchedulerStep[] _trace = null!;
    private SchedulerChain[] _forecastChains = null!;
    private long _cycle;

    [GlobalSetup]
    public void Setup()
    {
        _chain = new SchedulerChain([new Ready(), new Scale(0.25), new MaxPerCycle(20), new MinPerCycle(1), new MaxPending(25)]);
        _trace = new SchedulerStep[_chain.Length];
        var random = new Random(42);
        _contexts = new SchedulerContext[Queues];
        for (var i = 0; i < Queues; i++)
        {
            _contexts[i] = new SchedulerContext
            {
                WmsState = i % 50 == 0 ? StatusState.Stale : StatusState.Fresh,
                BatchState = i % 70 == 0 ? StatusState.Missing : StatusState.Fresh,
                Ready = random.Next(0, 5000),
                Pending = random.Next(0, 60),
                Running = random.Next(0, 500),
            };
        }
        _forecastChains = new SchedulerChain[Queues];
        for (var i = 0; i < Queues; i++)
            _forecastChains[i] = new SchedulerChain([new Forecast(TimeSpan.FromMinutes(10), 0.3, TimeSpan.FromHours(6)), new MaxPerCycle(100), new MaxPending(100)]);
    }

    [Benchmark(OperationsPerInvoke = Queues, Description = "Evaluate Forecast,MaxPerCycle,MaxPending, per queue and cycle")]
    public long EvaluateForecast()
    {
        long sum = 0;
        var now = DateTimeOffset.UnixEpoch.AddSeconds(360 * ++_cycle);
        var trace = _trace.AsSpan();
        for (var i = 0; i < _contexts.Length; i++)
        {
            var context = _contexts[i] with { Now = now, Ready = (_contexts[i].Ready + (int)(_cycle * 7 % 40)) % 5000, SubmittedTotal = _cycle * 3 };
            sum += _forecastChains[i].Evaluate(in context, trace);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queues, Description = "Evaluate 5-plugin chain, per queue")]
    public long Evaluate()
    {
        long sum = 0;
        var trace = _trace.AsSpan();
        for (var i = 0; i < _contexts.Length; i++) sum += _chain.Evaluate(in _contexts[i], trace);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Queues, Description = "Decide with explanations, per queue")]
    public int Decide()
    {
        var length = 0;
        for (var i = 0; i < _contexts.Length; i++) length += _chain.Decide(in _contexts[i]).Explanation.Length;
        return length;
    }
}
