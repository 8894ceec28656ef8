using System.Collections.Concurrent;
using Apf.Contracts;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Pilots;

namespace Apf.Cli.Embedded;

/// <summary>
/// Knows when the factory has nothing left to do: every enabled queue's WMS is empty, no pilot is
/// pending or running, and nothing is in flight — seen on two cycles in a row, so a pilot that is just
/// starting is not missed.
/// </summary>
internal sealed class DrainWatcher
{
    private const int CyclesToConfirm = 2;
    private readonly IFactoryConfigProvider _config;
    private readonly FactoryProgress _progress;
    private readonly PilotTracker _pilots;
    private readonly ConcurrentDictionary<string, int> _drainedCycles = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DrainWatcher(IFactoryConfigProvider config, FactoryProgress progress, PilotTracker pilots)
    {
        _config = config;
        _progress = progress;
        _pilots = pilots;
        progress.Decided += Observe;
    }

    public Task WaitUntilDrainedAsync(CancellationToken cancellationToken)
    {
        if (!_config.Current.EnabledQueues.Any()) return Task.CompletedTask;
        return _drained.Task.WaitAsync(cancellationToken);
    }

    public static bool IsDrained(QueueDecided d) =>
        d.Error is null && d.Wms is { Ready: 0, Running: 0, NotReady: 0 } && d.Batch is { Pending: 0, Running: 0 }
        && d.InFlight == 0 && d.WmsState.StartsWith("fresh") && d.BatchState.StartsWith("fresh");

    private void Observe(QueueDecided decided)
    {
        _drainedCycles.AddOrUpdate(decided.Queue, IsDrained(decided) ? 1 : 0, (_, n) => IsDrained(decided) ? n + 1 : 0);
        var queues = _config.Current.EnabledQueues.Select(q => q.Name).ToList();
        if (queues.All(q => _drainedCycles.GetValueOrDefault(q) >= CyclesToConfirm)) _drained.TrySetResult();
    }

    public RunSummary Summarize()
    {
        var decisions = _progress.LastDecisions.Values.ToList();
        var pilots = _pilots.CountsFor();
        return new RunSummary(
            JobsDone: decisions.Sum(d => d.Wms?.Done ?? 0),
            JobsFailed: decisions.Sum(d => d.Wms?.Failed ?? 0),
            JobsLeft: decisions.Sum(d => (d.Wms?.Ready ?? 0) + (d.Wms?.Running ?? 0)),
            PilotsSubmitted: _progress.PilotsSubmitted,
            PilotsReported: pilots.Started,
            EmptyPilots: pilots.Empty,
            Queues: decisions.OrderBy(d => d.Queue).Select(d => new QueueSummary(
                d.Queue, d.Wms?.Done ?? 0, d.Wms?.Failed ?? 0, _progress.TallyOf(d.Queue).PilotsCreated,
                _pilots.CountsFor(d.Queue).Empty, d.Cycle)).ToList());
    }
}

internal sealed record RunSummary(int JobsDone, int JobsFailed, int JobsLeft, int PilotsSubmitted, int PilotsReported, int EmptyPilots, IReadOnlyList<QueueSummary> Queues);

internal sealed record QueueSummary(string Queue, int JobsDone, int JobsFailed, int PilotsSubmitted, int EmptyPilots, long Cycles);
