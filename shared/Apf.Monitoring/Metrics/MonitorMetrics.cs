using System.Diagnostics.Metrics;
using Apf.Contracts;
using Apf.Factory.Pilots;
using Apf.Monitoring.Api;
using Apf.Monitoring.State;

namespace Apf.Monitoring.Metrics;

/// <summary>
/// The factory's OpenTelemetry instruments (meter "Apf.Monitor"), exported on /metrics in Prometheus text
/// format and, when configured, over OTLP. Gauges read <see cref="MonitorState"/> at scrape time;
/// counters and histograms are fed by its events.
/// </summary>
public sealed class MonitorMetrics
{
    public const string MeterName = "Apf.Monitor";

    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] WallBuckets = [10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

    private readonly MonitorState _state;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _pilotsSubmitted;
    private readonly Counter<long> _submitFailures;
    private readonly Counter<long> _pilotEvents;
    private readonly Counter<long> _pilotsEnded;
    private readonly Counter<long> _pilotsEmpty;
    private readonly Counter<long> _pilotsLost;
    private readonly Histogram<double> _decisionLatency;
    private readonly Histogram<double> _pilotWall;

    public MonitorMetrics(IMeterFactory meters, MonitorState state)
    {
        _state = state;
        var meter = meters.Create(MeterName);
        _decisions = meter.CreateCounter<long>("apf.decisions", "{decision}", "Scheduler decisions, by queue and action (submit, retire, none, hold)");
        _pilotsSubmitted = meter.CreateCounter<long>("apf.pilots.submitted", "{pilot}", "Pilots created in the batch system");
        _submitFailures = meter.CreateCounter<long>("apf.submit.failures", "{command}", "Submit commands that failed");
        _pilotEvents = meter.CreateCounter<long>("apf.pilot.events", "{event}", "Pilot reports (start, heartbeat, end)");
        _pilotsEnded = meter.CreateCounter<long>("apf.pilots.ended", "{pilot}", "Pilots that reported their end");
        _pilotsEmpty = meter.CreateCounter<long>("apf.pilots.empty", "{pilot}", "Pilots that ended without running a job");
        _pilotsLost = meter.CreateCounter<long>("apf.pilots.lost", "{pilot}", "Pilots that stopped reporting before their end");
        _decisionLatency = meter.CreateHistogram("apf.decision.latency", "s",
            "From a decision (its DecidedAt) to the monitor receiving it: how late the overview is",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _pilotWall = meter.CreateHistogram("apf.pilot.wall", "s", "Wall time of ended pilots (start to end)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WallBuckets });

        meter.CreateObservableGauge("apf.queue.wms.ready", () => Per(s => s.Wms?.Ready), "{job}", "Jobs ready in the WMS queue (last decision)");
        meter.CreateObservableGauge("apf.queue.wms.running", () => Per(s => s.Wms?.Running), "{job}", "Jobs running in the WMS queue");
        meter.CreateObservableGauge("apf.queue.batch.pending", () => Per(s => s.Batch?.Pending), "{pilot}", "Pilots pending in the batch system");
        meter.CreateObservableGauge("apf.queue.batch.running", () => Per(s => s.Batch?.Running), "{pilot}", "Pilots running in the batch system");
        meter.CreateObservableGauge("apf.queue.batch.finished", () => Per(s => s.Batch?.Done), "{pilot}", "Pilots finished (done or removed)");
        meter.CreateObservableGauge("apf.queue.batch.failed", () => Per(s => s.Batch?.Failed), "{pilot}", "Pilots failed (non-zero exit)");
        meter.CreateObservableGauge("apf.queue.inflight", () => Per(s => s.InFlight), "{pilot}", "Pilots asked for but not yet seen by batch status");
        meter.CreateObservableGauge("apf.queue.decision", () => Per(s => s.Decision), "{pilot}", "The last decision (positive: submit, negative: retire)");
        meter.CreateObservableGauge("apf.queue.config.version", () => Per(s => (int)s.ConfigVersion), "{version}", "Configuration version of the last decision");
        meter.CreateObservableGauge("apf.queue.decision.age", () => Ages(), "s", "Seconds since the queue's last decision");
        meter.CreateObservableGauge("apf.queue.health", () => Health(), "{queue}", "1 for the queue's current health (ok, starved, flooding, erroring, stale, waiting)");
        meter.CreateObservableGauge("apf.queue.pilots", () => PilotStates(), "{pilot}", "Pilots by reported state (running, lost, ended)");

        state.Decided += OnDecided;
        state.Submitted += OnSubmitted;
        state.PilotReported += OnPilot;
    }

    /// <summary>Counts a pilot found lost (once per pilot).</summary>
    public void PilotLost(PilotRecord pilot) => _pilotsLost.Add(1, Tag("queue", pilot.Queue));

    private void OnDecided(QueueDecided d)
    {
        var kind = d.Action.Split(' ', ':')[0];
        _decisions.Add(1, Tag("queue", d.Queue), Tag("action", kind));
        var latency = (_state.Time.GetUtcNow() - d.DecidedAt).TotalSeconds;
        _decisionLatency.Record(Math.Max(0, latency), Tag("queue", d.Queue));
    }

    private void OnSubmitted(PilotsSubmitted s)
    {
        if (s.Error is not null) _submitFailures.Add(1, Tag("queue", s.Queue));
        else if (!s.AlreadyApplied) _pilotsSubmitted.Add(s.BatchIds.Count, Tag("queue", s.Queue));
    }

    private readonly HashSet<string> _endedSeen = new(StringComparer.Ordinal);

    /// <summary>Forgets pilots the tracker forgot.</summary>
    public void Forget(IEnumerable<string> pilotIds)
    {
        lock (_endedSeen)
            foreach (var id in pilotIds) _endedSeen.Remove(id);
    }

    private void OnPilot(PilotEvent e, PilotRecord p)
    {
        _pilotEvents.Add(1, Tag("queue", p.Queue), Tag("kind", e.Kind));
        if (p.EndedAt is null) return;
        lock (_endedSeen)
            if (!_endedSeen.Add(p.PilotId)) return;
        _pilotsEnded.Add(1, Tag("queue", p.Queue));
        if (p.JobsRun == 0) _pilotsEmpty.Add(1, Tag("queue", p.Queue));
        if (p.WallTime is { } wall) _pilotWall.Record(wall.TotalSeconds, Tag("queue", p.Queue));
    }

    private IEnumerable<Measurement<int>> Per(Func<QueueSummary, int?> value)
    {
        // A queue without a decision has no figures yet: no sample rather than a misleading 0.
        foreach (var s in Rows())
            if (s.DecidedAt is not null && value(s) is { } v) yield return new Measurement<int>(v, Tag("queue", s.Queue));
    }

    private IEnumerable<Measurement<double>> Ages()
    {
        foreach (var s in Rows())
            if (s.AgeSeconds is { } age) yield return new Measurement<double>(age, Tag("queue", s.Queue));
    }

    private IEnumerable<Measurement<int>> Health()
    {
        foreach (var s in Rows())
            yield return new Measurement<int>(1, Tag("queue", s.Queue), Tag("health", s.Health));
    }

    private IEnumerable<Measurement<int>> PilotStates()
    {
        foreach (var s in Rows())
        {
            yield return new Measurement<int>(s.Pilots.Running, Tag("queue", s.Queue), Tag("state", PilotState.Running));
            yield return new Measurement<int>(s.Pilots.Lost, Tag("queue", s.Queue), Tag("state", PilotState.Lost));
            yield return new Measurement<int>(s.Pilots.Ended, Tag("queue", s.Queue), Tag("state", PilotState.Ended));
        }
    }

    private readonly Lock _cacheLock = new();
    private (long Version, long Second, IReadOnlyList<QueueSummary> Rows)? _cache;

    // One scrape reads a dozen gauges: compute the overview once, not once per gauge. Reused only while
    // nothing happened and the clock is in the same second, so ages and lost pilots stay exact.
    private IReadOnlyList<QueueSummary> Rows()
    {
        var version = _state.Version;
        var second = _state.Time.GetUtcNow().ToUnixTimeSeconds();
        lock (_cacheLock)
        {
            if (_cache is { } c && c.Version == version && c.Second == second) return c.Rows;
            var rows = _state.Overview().Queues;
            _cache = (version, second, rows);
            return rows;
        }
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
