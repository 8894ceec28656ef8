using System.Collections.Concurrent;
using Apf.Contracts;

namespace Apf.Factory.Hosting;

/// <summary>
/// The factory as its operators see it: each queue's last decision, and how many pilots were asked for,
/// created and retired. Fed by events, so it works the same in one process or across services.
/// </summary>
public sealed class FactoryProgress
{
    private readonly ConcurrentDictionary<string, QueueDecided> _lastDecision = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueueTally> _tallies = new(StringComparer.Ordinal);

    /// <summary>Raised for every decision (the console prints it).</summary>
    public event Action<QueueDecided>? Decided;

    /// <summary>Raised for every submission result.</summary>
    public event Action<PilotsSubmitted>? Submitted;

    public IReadOnlyDictionary<string, QueueDecided> LastDecisions => _lastDecision;

    public QueueTally TallyOf(string queue) => _tallies.GetValueOrDefault(queue) ?? new QueueTally();

    public int PilotsSubmitted => _tallies.Values.Sum(t => t.PilotsCreated);

    public void Apply(QueueDecided decided)
    {
        _lastDecision[decided.Queue] = decided;
        Decided?.Invoke(decided);
    }

    public void Apply(PilotsSubmitted result)
    {
        _tallies.AddOrUpdate(result.Queue,
            _ => new QueueTally().With(result),
            (_, t) => t.With(result));
        Submitted?.Invoke(result);
    }

    public void Apply(PilotsRetired result) =>
        _tallies.AddOrUpdate(result.Queue,
            _ => new QueueTally { PilotsRetired = result.BatchIds.Count },
            (_, t) => t with { PilotsRetired = t.PilotsRetired + result.BatchIds.Count });
}

/// <summary>Pilot counts of one queue since the factory started.</summary>
public sealed record QueueTally
{
    public int Commands { get; init; }
    public int PilotsAsked { get; init; }
    public int PilotsCreated { get; init; }
    public int PilotsRetired { get; init; }
    public int Failures { get; init; }
    public string? LastError { get; init; }

    public QueueTally With(PilotsSubmitted r) => this with
    {
        Commands = Commands + 1,
        PilotsAsked = PilotsAsked + r.Requested,
        PilotsCreated = PilotsCreated + (r.AlreadyApplied || r.Error is not null ? 0 : r.BatchIds.Count),
        Failures = Failures + (r.Error is null ? 0 : 1),
        LastError = r.Error ?? LastError,
    };
}
