using Apf.Core.Scheduling;
using Apf.Simulation.Workload;

namespace Apf.Simulation.Engine;

/// <summary>
/// Runs one chain over one workload: a discrete-event loop on a <see cref="VirtualClock"/>. The factory
/// side follows the real one (QueueCycle and InFlightLedger): status is read at its own interval and
/// goes stale after maxage, pilots submitted after the batch snapshot count as pending, a command
/// needs fresh status and a batch snapshot newer than the last command, and a negative result retires
/// the newest pending pilots.
/// </summary>
internal sealed class Simulator
{
    private readonly JobWorkload _workload;
    private readonly SimulationOptions _o;
    private readonly QueueState[] _queues;
    private readonly VirtualClock _clock = new();
    private readonly PriorityQueue<SimEvent, EventKey> _events = new();
    private readonly long[] _waits;
    private readonly List<SeriesPoint> _series = [];
    private readonly string _chainText;
    private long _sequence;
    private long _snapshotIds;
    private long _end;

    // Running totals, so a cycle and a sample never walk every pilot.
    private int _pendingTotal, _runningTotal, _readyTotal, _peakPendingTotal;
    private long _submitted, _started, _retired, _empty, _evaluations, _decisions, _idleSeconds, _busySeconds;

    public Simulator(JobWorkload workload, string chain, ChainBuilder builder, SimulationOptions options)
    {
        _workload = workload;
        _o = options;
        _chainText = chain;
        _queues = workload.Queues.Select((name, i) => new QueueState(i, name, builder.Build(chain, name), Draw.Stream(options.Seed, 2, i))).ToArray();
        _waits = new long[workload.Jobs.Count];
        Array.Fill(_waits, -1);
    }

    public TimeProvider Clock => _clock;

    public SimulationResult Run()
    {
        _end = _workload.LastArrival + (long)_o.Drain.TotalSeconds;
        Schedule(0, new SimEvent(EventKind.BatchStatus));
        Schedule(0, new SimEvent(EventKind.WmsStatus));
        Schedule(0, new SimEvent(EventKind.Sample));
        Schedule(0, new SimEvent(EventKind.Cycle));
        var jobs = _workload.Jobs;
        var next = 0;
        while (true)
        {
            var hasEvent = _events.TryPeek(out _, out var key);
            var arrivalFirst = next < jobs.Count && (!hasEvent || new EventKey(jobs[next].Arrival, EventKind.JobArrival, 0).CompareTo(key) < 0);
            if (arrivalFirst)
            {
                _clock.AdvanceTo(jobs[next].Arrival);
                Arrive(next++);
                continue;
            }
            if (!hasEvent || key.Time > _end) break;
            var e = _events.Dequeue();
            _clock.AdvanceTo(key.Time);
            Handle(e);
        }
        return Finish();
    }

    private long Now => _clock.Seconds;

    private void Schedule(long at, SimEvent e) => _events.Enqueue(e, new EventKey(at, e.Kind, _sequence++));

    private void Handle(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.JobEnd: JobEnded(e.Pilot!); break;
            case EventKind.PilotEligible: Eligible(e.Pilot!); break;
            case EventKind.IdleCheck: IdleCheck(e.Pilot!, e.Stamp); break;
            case EventKind.BatchStatus:
                ReadBatch();
                Schedule(Now + Seconds(_o.BatchStatusInterval), e);
                break;
            case EventKind.WmsStatus:
                ReadWms();
                Schedule(Now + Seconds(_o.WmsStatusInterval), e);
                break;
            case EventKind.Sample:
                _series.Add(new SeriesPoint(Now, _readyTotal, _pendingTotal, _runningTotal));
                Schedule(Now + Seconds(_o.SampleInterval), e);
                break;
            case EventKind.Cycle:
                Cycle();
                Schedule(Now + Seconds(_o.Sleep), e);
                break;
        }
    }

    private static long Seconds(TimeSpan t) => Math.Max(1, (long)t.TotalSeconds);

    // ---- the simulated WMS and batch system ----

    private void Arrive(int job)
    {
        var q = _queues[_workload.Jobs[job].Queue];
        while (q.Idle.TryDequeue(out var idle))
        {
            if (idle.Pilot.State != PilotState.Running || idle.Pilot.Busy || idle.Pilot.IdleStamp != idle.Stamp) continue;
            Assign(idle.Pilot, job);
            return;
        }
        q.Ready.Enqueue(job);
        _readyTotal++;
    }

    private void Assign(Pilot pilot, int job)
    {
        var j = _workload.Jobs[job];
        _waits[job] = Now - j.Arrival;
        pilot.Busy = true;
        pilot.JobsRun++;
        pilot.BusySeconds += j.RunTime;
        _queues[pilot.Queue].JobsRunning++;
        Schedule(Now + j.RunTime, new SimEvent(EventKind.JobEnd, pilot));
    }

    private void JobEnded(Pilot pilot)
    {
        pilot.Busy = false;
        _queues[pilot.Queue].JobsRunning--;
        Free(pilot);
    }

    /// <summary>A pilot with nothing to do: it pulls the next job, or waits idle, or ends at its lifetime.</summary>
    private void Free(Pilot pilot)
    {
        var q = _queues[pilot.Queue];
        var lifetimeEnd = pilot.StartedAt + Seconds(_o.PilotLifetime);
        if (Now >= lifetimeEnd)
        {
            End(pilot);
            return;
        }
        if (q.Ready.TryDequeue(out var job))
        {
            _readyTotal--;
            Assign(pilot, job);
            return;
        }
        pilot.IdleStamp = Now + 1;   // unique per idle spell: a pilot goes idle at most once per second
        q.Idle.Enqueue((pilot, pilot.IdleStamp));
        Schedule(Math.Min(Now + Seconds(_o.IdleTimeout), lifetimeEnd), new SimEvent(EventKind.IdleCheck, pilot, pilot.IdleStamp));
    }

    private void IdleCheck(Pilot pilot, long stamp)
    {
        if (pilot.State == PilotState.Running && !pilot.Busy && pilot.IdleStamp == stamp) End(pilot);
    }

    private void Eligible(Pilot pilot)
    {
        if (pilot.State != PilotState.Pending) return;
        var q = _queues[pilot.Queue];
        if (q.Running < _o.SiteSlots) Start(pilot);
        else q.WaitingForSlot.Enqueue(pilot);
    }

    private void Start(Pilot pilot)
    {
        var q = _queues[pilot.Queue];
        q.Pending.Remove(pilot.PendingNode!);
        pilot.PendingNode = null;
        pilot.State = PilotState.Running;
        pilot.StartedAt = Now;
        q.Running++;
        _pendingTotal--;
        _runningTotal++;
        _started++;
        Free(pilot);
    }

    private void End(Pilot pilot)
    {
        var q = _queues[pilot.Queue];
        pilot.State = PilotState.Ended;
        q.Running--;
        _runningTotal--;
        if (pilot.JobsRun == 0) _empty++;
        var lived = Now - pilot.StartedAt;
        _busySeconds += pilot.BusySeconds;
        _idleSeconds += Math.Max(0, lived - pilot.BusySeconds);
        while (q.Running < _o.SiteSlots && q.WaitingForSlot.TryDequeue(out var waiting))
            if (waiting.State == PilotState.Pending) Start(waiting);
    }

    /// <summary>
    /// The batch system shows the pilots only once the submission completes (submit latency later);
    /// their queueing delay starts then.
    /// </summary>
    private void Submit(QueueState q, int count)
    {
        var completed = Now + (long)_o.SubmitLatency.TotalSeconds;
        for (var i = 0; i < count; i++)
        {
            var pilot = new Pilot(q.Index, completed);
            pilot.PendingNode = q.Pending.AddLast(pilot);
            Schedule(completed + _o.BatchDelay.Sample(q.Delays), new SimEvent(EventKind.PilotEligible, pilot));
        }
        _pendingTotal += count;
        _submitted += count;
        q.SubmittedTotal += count;
        q.Submissions.Enqueue((completed, count));
        q.PeakPending = Math.Max(q.PeakPending, q.Pending.Count);
        _peakPendingTotal = Math.Max(_peakPendingTotal, _pendingTotal);
    }

    /// <summary>Removes the newest pending pilots the batch system shows (condor_rm of idle jobs).</summary>
    private void Retire(QueueState q, int count)
    {
        var node = q.Pending.Last;
        while (count > 0 && node is not null)
        {
            var previous = node.Previous;
            if (node.Value.SubmittedAt <= Now)
            {
                node.Value.State = PilotState.Retired;
                node.Value.PendingNode = null;
                q.Pending.Remove(node);
                _pendingTotal--;
                _retired++;
                count--;
            }
            node = previous;
        }
    }

    // ---- the factory side ----

    private void ReadBatch()
    {
        foreach (var q in _queues)
        {
            // The ledger forgets what this snapshot shows (InFlightLedger.Prune: completed before it).
            while (q.Submissions.TryPeek(out var s) && s.At < Now) q.Submissions.Dequeue();
            var notShown = 0;
            foreach (var (at, count) in q.Submissions)
                if (at > Now) notShown += count;
            q.Batch = new BatchSnapshot(++_snapshotIds, Now, Math.Max(0, q.Pending.Count - notShown), q.Running);
        }
    }

    private void ReadWms()
    {
        foreach (var q in _queues) q.Wms = new WmsSnapshot(Now, q.Ready.Count, q.JobsRunning);
    }

    private void Cycle()
    {
        var now = _clock.GetUtcNow();
        var maxAge = Seconds(_o.MaxAge);
        int factoryPending = 0, factoryRunning = 0;
        foreach (var q in _queues)
        {
            if (q.Batch is null) continue;
            factoryPending += q.Batch.Pending + InFlight(q);
            factoryRunning += q.Batch.Running;
        }
        foreach (var q in _queues)
        {
            var wmsState = Judge(q.Wms?.ObservedAt, maxAge);
            var batchState = Judge(q.Batch?.ObservedAt, maxAge);
            var inFlight = q.Batch is null ? 0 : InFlight(q);
            var context = new SchedulerContext
            {
                Now = now,
                WmsState = wmsState,
                Ready = q.Wms?.Ready ?? 0,
                WmsRunning = q.Wms?.Running ?? 0,
                Site = Apf.Contracts.SiteState.Online,
                BatchState = batchState,
                Pending = (q.Batch?.Pending ?? 0) + inFlight,
                Running = q.Batch?.Running ?? 0,
                InFlight = inFlight,
                FactoryPending = factoryPending,
                FactoryRunning = factoryRunning,
                SubmittedTotal = q.SubmittedTotal,
            };
            var result = q.Chain.Evaluate(in context, []);
            _evaluations++;
            // QueueCycle.Act: never twice on one batch snapshot, never without fresh status.
            if (result == 0 || q.Batch is null || q.Batch.Id == q.LastCommandSnapshot || batchState != StatusState.Fresh) continue;
            if (result > 0)
            {
                if (wmsState != StatusState.Fresh) continue;
                Submit(q, result);
            }
            else Retire(q, -result);
            q.LastCommandSnapshot = q.Batch.Id;
            _decisions++;
        }
    }

    /// <summary>InFlightLedger.InFlight: pilots of commands completed at or after the snapshot, or not completed yet.</summary>
    private int InFlight(QueueState q)
    {
        var total = 0;
        foreach (var (at, count) in q.Submissions)
            if (at >= q.Batch!.ObservedAt) total += count;
        return total;
    }

    private StatusState Judge(long? observedAt, long maxAge) =>
        observedAt is not { } at ? StatusState.Missing : Now - at > maxAge ? StatusState.Stale : StatusState.Fresh;

    private SimulationResult Finish()
    {
        // Pilots still alive at the end are counted as if they ended now (idle ones are in the idle
        // queues, busy ones own a JobEnd event).
        var alive = new HashSet<Pilot>(ReferenceEqualityComparer.Instance);
        foreach (var q in _queues)
            foreach (var (pilot, _) in q.Idle)
                if (pilot.State == PilotState.Running) alive.Add(pilot);
        foreach (var (e, _) in _events.UnorderedItems)
            if (e.Kind == EventKind.JobEnd && e.Pilot!.State == PilotState.Running) alive.Add(e.Pilot);
        foreach (var pilot in alive)
        {
            if (pilot.JobsRun == 0) _empty++;
            var busy = Math.Min(pilot.BusySeconds, _end - pilot.StartedAt);
            _busySeconds += busy;
            _idleSeconds += Math.Max(0, _end - pilot.StartedAt - busy);
        }
        var waits = new long[_waits.Length];
        long never = 0;
        for (var i = 0; i < waits.Length; i++)
        {
            if (_waits[i] >= 0) waits[i] = _waits[i];
            else
            {
                waits[i] = Math.Max(0, _end - _workload.Jobs[i].Arrival);
                never++;
            }
        }
        Array.Sort(waits);
        return new SimulationResult
        {
            Chain = _chainText,
            Queues = _queues.Length,
            Jobs = waits.Length,
            JobsNeverStarted = never,
            WaitP50Seconds = Percentile.Of(waits, 50),
            WaitP95Seconds = Percentile.Of(waits, 95),
            WaitMaxSeconds = waits.Length == 0 ? 0 : waits[^1],
            WaitMeanSeconds = waits.Length == 0 ? 0 : waits.Average(w => (double)w),
            PilotsSubmitted = _submitted,
            PilotsStarted = _started,
            PilotsRetired = _retired,
            EmptyPilots = _empty,
            IdlePilotHours = _idleSeconds / 3600.0,
            BusyPilotHours = _busySeconds / 3600.0,
            PeakPendingPerQueue = _queues.Length == 0 ? 0 : _queues.Max(q => q.PeakPending),
            PeakPendingTotal = _peakPendingTotal,
            Evaluations = _evaluations,
            Decisions = _decisions,
            SimulatedSeconds = _end,
            Series = _series,
        };
    }
}
