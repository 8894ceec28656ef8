using System.Collections.Concurrent;
using Apf.Contracts;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Pilots;
using Apf.Monitoring.Api;

namespace Apf.Monitoring.State;

/// <summary>
/// The monitor's memory, fed by the Observer role's events (<see cref="FactoryProgress"/>, <see cref="PilotTracker"/>):
/// per queue a ring buffer of cycles and of decisions. Every page, API answer and metric is read from here.
/// </summary>
public sealed class MonitorState
{
    private readonly ConcurrentDictionary<string, QueueRecord> _queues = new(StringComparer.Ordinal);
    private readonly FactoryProgress _progress;
    private readonly PilotTracker _pilots;
    private readonly IFactoryConfigProvider? _config;

    public MonitorState(FactoryProgress progress, PilotTracker pilots, TimeProvider time, MonitorOptions options, IFactoryConfigProvider? config = null)
    {
        _progress = progress;
        _pilots = pilots;
        _config = config;
        Time = time;
        Options = options;
        progress.Decided += OnDecided;
        progress.Submitted += OnSubmitted;
        pilots.Changed += OnPilot;
    }

    public TimeProvider Time { get; }
    public MonitorOptions Options { get; }

    /// <summary>After a decision is recorded (the row changed).</summary>
    public event Action<QueueDecided>? Decided;

    /// <summary>After a submission result is recorded.</summary>
    public event Action<PilotsSubmitted>? Submitted;

    /// <summary>After a pilot reported (the event and the pilot's updated record).</summary>
    public event Action<PilotEvent, PilotRecord>? PilotReported;

    /// <summary>Queues seen in decisions, pilot reports or submissions, plus configured ones still waiting for a first cycle.</summary>
    public IReadOnlyList<string> QueueNames
    {
        get
        {
            var names = new SortedSet<string>(_queues.Keys, StringComparer.Ordinal);
            foreach (var name in _progress.LastDecisions.Keys) names.Add(name);
            foreach (var pilot in _pilots.Pilots) names.Add(pilot.Queue);
            if (_config is not null)
                foreach (var queue in _config.Current.EnabledQueues) names.Add(queue.Name);
            return names.ToList();
        }
    }

    private long _version;

    /// <summary>Grows with every recorded event: an unchanged version at the same second means an unchanged overview.</summary>
    public long Version => Interlocked.Read(ref _version);

    public QueueList Overview()
    {
        var now = Time.GetUtcNow();
        var pilots = _pilots.Pilots.ToLookup(p => p.Queue, StringComparer.Ordinal);
        return new QueueList(now, QueueNames.Select(q => Summarize(q, now, pilots[q])).ToList());
    }

    public QueueSummary? Summary(string queue) =>
        QueueNames.Contains(queue) ? Summarize(queue, Time.GetUtcNow(), _pilots.Pilots.Where(p => p.Queue == queue)) : null;

    public QueueDetail? Detail(string queue)
    {
        var now = Time.GetUtcNow();
        if (!QueueNames.Contains(queue)) return null;
        var record = _queues.GetValueOrDefault(queue);
        var decisions = record?.Decisions.ToList().Reverse().ToList() ?? [];
        return new QueueDetail(now, Summarize(queue, now, _pilots.Pilots.Where(p => p.Queue == queue)), decisions, Pilots(queue, null, Options.RecentPilots));
    }

    public QueueHistory? History(string queue)
    {
        if (!QueueNames.Contains(queue)) return null;
        var record = _queues.GetValueOrDefault(queue);
        return new QueueHistory(queue, Options.HistoryLength, record?.History.ToList() ?? []);
    }

    /// <summary>Pilots, newest report first, optionally of one queue and in one state.</summary>
    public IReadOnlyList<PilotView> Pilots(string? queue = null, string? state = null, int? limit = null)
    {
        var now = Time.GetUtcNow();
        var views = _pilots.Pilots
            .Where(p => queue is null || p.Queue == queue)
            .Select(p => View(p, now))
            .Where(v => state is null || v.State == state)
            .OrderByDescending(v => v.StartedAt ?? v.LastSeenAt)
            .ThenBy(v => v.PilotId, StringComparer.Ordinal);
        return (limit is { } n ? views.Take(n) : views).ToList();
    }

    public PilotView View(PilotRecord p, DateTimeOffset now) => new()
    {
        PilotId = p.PilotId,
        Factory = p.Factory,
        Queue = p.Queue,
        State = PilotState.Of(p, now, Options.PilotLostAfter),
        Host = p.Host,
        StartedAt = p.StartedAt,
        LastSeenAt = p.LastSeenAt,
        EndedAt = p.EndedAt,
        ExitCode = p.ExitCode,
        WallSeconds = p.WallTime?.TotalSeconds,
        JobsRun = p.JobsRun,
        JobsFailed = p.JobsFailed,
        Profile = p.Profile,
        Message = p.Message,
    };

    private QueueSummary Summarize(string queue, DateTimeOffset now, IEnumerable<PilotRecord> pilotsOfQueue)
    {
        var decided = _progress.LastDecisions.GetValueOrDefault(queue);
        var record = _queues.GetValueOrDefault(queue);
        var tally = _progress.TallyOf(queue);
        var pilots = pilotsOfQueue.ToList();
        var states = pilots.Select(p => PilotState.Of(p, now, Options.PilotLostAfter)).ToList();
        // Same rule as PilotTracker.RecentlyEnded, on the pilots already at hand.
        var recentlyEnded = pilots.Where(p => p.EndedAt is { } end && now - end <= Options.RecentWindow).ToList();
        var (recent, recentShort) = (recentlyEnded.Count, recentlyEnded.Count(p => p.WallTime < Options.ShortRun));
        return new QueueSummary
        {
            Queue = queue,
            Factory = decided?.Factory ?? pilots.FirstOrDefault()?.Factory,
            Health = QueueHealth.Judge(decided, record?.LastSubmitError, now, Options),
            Cycle = decided?.Cycle ?? 0,
            ConfigVersion = decided?.ConfigVersion ?? 0,
            DecidedAt = decided?.DecidedAt,
            AgeSeconds = decided is null ? null : Math.Max(0, (now - decided.DecidedAt).TotalSeconds),
            Wms = decided?.Wms,
            WmsState = decided?.WmsState ?? "missing (no decision yet)",
            Batch = decided?.Batch,
            BatchState = decided?.BatchState ?? "missing (no decision yet)",
            InFlight = decided?.InFlight ?? 0,
            Decision = decided?.Decision ?? 0,
            Action = decided?.Action,
            Explanation = decided?.Explanation,
            Steps = decided?.Steps ?? [],
            Error = decided?.Error,
            LastSubmitError = record?.LastSubmitError,
            Pilots = new PilotFigures
            {
                Asked = tally.PilotsAsked,
                Created = tally.PilotsCreated,
                SubmitFailures = tally.Failures,
                Retired = tally.PilotsRetired,
                Running = states.Count(s => s == PilotState.Running),
                Lost = states.Count(s => s == PilotState.Lost),
                Ended = states.Count(s => s == PilotState.Ended),
                Empty = pilots.Count(p => p.EndedAt is not null && p.JobsRun == 0),
                JobsRun = pilots.Sum(p => p.JobsRun),
                RecentlyEnded = recent,
                RecentlyEndedShort = recentShort,
            },
        };
    }

    private QueueRecord RecordOf(string queue) => _queues.GetOrAdd(queue, q => new QueueRecord(q, Options));

    private void OnDecided(QueueDecided d)
    {
        Interlocked.Increment(ref _version);
        var record = RecordOf(d.Queue);
        record.Decisions.Add(d);
        record.History.Add(new HistoryPoint
        {
            At = d.DecidedAt,
            Cycle = d.Cycle,
            Ready = d.Wms?.Ready ?? 0,
            WmsRunning = d.Wms?.Running ?? 0,
            Pending = d.Batch?.Pending ?? 0,
            Running = d.Batch?.Running ?? 0,
            InFlight = d.InFlight,
            Decision = d.Decision,
            Submitted = d.Action.StartsWith("submit", StringComparison.Ordinal) ? Math.Max(0, d.Decision) : 0,
            EmptyPilots = _pilots.CountsFor(d.Queue).Empty,
        });
        Decided?.Invoke(d);
    }

    private void OnSubmitted(PilotsSubmitted s)
    {
        Interlocked.Increment(ref _version);
        RecordOf(s.Queue).LastSubmitError = s.Error;
        Submitted?.Invoke(s);
    }

    private void OnPilot(PilotEvent e, PilotRecord p)
    {
        Interlocked.Increment(ref _version);
        RecordOf(p.Queue);
        PilotReported?.Invoke(e, p);
    }
}
