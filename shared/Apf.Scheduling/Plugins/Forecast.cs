using System.Globalization;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// A source plugin (it ignores its input, like Ready) that asks for the pilots the queue will need when
/// a pilot submitted now would start, not for the jobs waiting now:
/// <c>need = ⌈projected⌉ + spare + min(round(safety · recall · √projected), stockperjob · ready) − pending − idle</c> with
/// <c>projected = ready + trend · delay</c> (bounded to 0..2·ready+1), where <c>trend</c> is the smoothed
/// change of ready jobs per second (arrivals minus what running pilots absorb; 0 while it stands within
/// <c>trendgate</c> standard errors of its own noise), <c>recall = e^(−cycle/delay)</c> the chance that a
/// spare pilot is still pending, and so can be retired, at the next cycle, <c>delay</c> the batch
/// queueing delay observed through Little's law (mean pending ÷ pilots starting per second, starts counted
/// from pending, the queue's submitted total and the pilots this plugin retired), <c>idle</c> the running
/// pilots without a job (running pilots − WMS running jobs), which take ready jobs before any new pilot
/// can; the spare and the safety stock apply only while jobs wait.
/// A positive need is submitted; a negative one retires <c>retireshare</c> of the surplus pending pilots
/// (they would start to an empty queue), unless <c>retire</c> is false.
/// </summary>
/// <remarks>
/// Unlike the other plugins it keeps a little state between cycles (the smoothed figures); the factory
/// builds one instance per queue, and a second evaluation at the same instant reuses the estimates, so
/// the output still depends only on the context for a given history.
/// </remarks>
public sealed class Forecast(TimeSpan initialDelay, double smoothing, TimeSpan maxDelay, bool retire = true, int spare = 0, double retireShare = 1, double safety = 3, double trendGate = 1, double stockPerJob = 1, bool stockRoundsDown = false) : ISchedulerPlugin
{
    public const string PluginName = "Forecast";

    private DateTimeOffset? _last;
    private int _lastReady, _lastPending;
    private long _lastSubmitted, _lastOutput;
    private double _trend;              // ready jobs per second
    private double _meanPending;        // pilots
    private double _startRate;          // pilots leaving pending per second
    private bool _seenStarts;
    private double _changeVariance;     // of the per-second change of ready jobs around the trend
    private int _changes;               // changes seen: noise needs two of them to be told from a trend
    private double _cycleSeconds = QueueOptions.DefaultSleep.TotalSeconds;   // until two cycles have been seen

    public string Name => PluginName;

    /// <summary>The queueing delay the plugin currently assumes.</summary>
    public TimeSpan Delay => TimeSpan.FromSeconds(DelaySeconds);

    /// <summary>The trend used: the smoothed one, or 0 while it is within the noise.</summary>
    public double TrendPerHour => Trend * 3600;

    public static Forecast Create(PluginContext context)
    {
        var r = context.Settings;
        var delay = r.Seconds(Options.Key(PluginName, "delay"), TimeSpan.FromMinutes(10), min: TimeSpan.Zero);
        var smoothing = Options.Factor(r, Options.Key(PluginName, "smoothing"), 0.3, max: 1);
        var maxDelay = r.Seconds(Options.Key(PluginName, "maxdelay"), TimeSpan.FromHours(6), min: TimeSpan.FromSeconds(1));
        if (smoothing == 0) r.Error(Options.Key(PluginName, "smoothing"), "must be above 0 (0 would never learn)");
        var retire = r.Bool(Options.Key(PluginName, "retire"), true);
        var spare = Options.Count(r, Options.Key(PluginName, "spare"), 0);
        var share = Options.Factor(r, Options.Key(PluginName, "retireshare"), 1, max: 1);
        var safety = Options.Factor(r, Options.Key(PluginName, "safety"), 3);
        var gate = Options.Factor(r, Options.Key(PluginName, "trendgate"), 1);
        var stockPerJob = Options.Factor(r, Options.Key(PluginName, "stockperjob"), 1);
        var rounding = r.Choice(Options.Key(PluginName, "stockrounding"), "nearest", ["nearest", "down"], v => $"must be 'nearest' or 'down', not '{v}'");
        return new Forecast(delay, smoothing == 0 ? 0.3 : smoothing, maxDelay, retire, spare, share, safety, gate, stockPerJob, rounding == "down");
    }

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Both(in context);
        if (problem != StepNote.None)
        {
            _lastOutput = 0;
            return new SchedulerStep(0, problem);
        }
        Observe(in context);
        _lastOutput = Target(in context);
        return new SchedulerStep(Arithmetic.Saturate(_lastOutput));
    }

    private double DelaySeconds =>
        _seenStarts && _startRate > 1e-9
            ? Math.Min(_meanPending / _startRate, maxDelay.TotalSeconds)
            : initialDelay.TotalSeconds;

    private long Idle(in SchedulerContext c) => Math.Max(0L, (long)c.Running - Math.Max(0, c.WmsRunning));

    // In a steady queue the change of ready jobs from cycle to cycle is noise around 0, and the projection
    // below is clamped at 0: acting on that noise adds pilots more often than it removes them. The trend is
    // used only when it stands out of its own noise (the standard error of an exponential average with
    // weight a is σ·√(a / (2 − a))).
    private double Trend =>
        _changes < 2 || Math.Abs(_trend) > trendGate * Math.Sqrt(_changeVariance * smoothing / (2 - smoothing)) ? _trend : 0;

    // Anticipation is bounded by the work in sight (at most doubling it), so a noisy trend times a long
    // delay cannot ask for a pile of pilots for an idle queue.
    private double Projected(in SchedulerContext c) => Math.Clamp(c.Ready + Trend * DelaySeconds, 0, 2.0 * c.Ready + 1);

    // A spare pilot costs nothing while it waits: if the jobs it was for are taken by others, the next
    // cycle retires it. It costs an empty pilot only if it starts before that cycle. With a batch delay
    // long against the cycle, spares are cheap and shorten the wait (the first of several pilots starts
    // sooner than one alone); with a short delay they start at once, and a spare is an empty pilot.
    private double Recall => Math.Exp(-_cycleSeconds / Math.Max(1, DelaySeconds));

    // Safety stock, as for any stock refilled after a lead time: the jobs expected during the batch delay
    // are a count, so their noise grows as its square root. A fixed spare is too many for a trickle and too
    // few for a busy queue; safety · √projected follows the queue's load, weighed by the chance that an
    // unneeded spare can still be retired. Rounded, not rounded up: the stock is an expectation, and
    // rounding up sent a second pilot for every single job whatever the delay. Only while jobs wait: a
    // quiet queue keeps none (each would start to nothing).
    // At most stockperjob (1) spares per waiting job: a spare is a hedge against that job's pilot waiting
    // long, and a job runs on the first pilot that starts, so a second hedge for the same job mostly
    // starts empty. Without this a lone job in a quiet queue got two spares (round(3 · 0.55 · √1)).
    private long Spare(in SchedulerContext c, double projected) =>
        c.Ready > 0 ? spare + (long)Math.Min(Stock(projected), Math.Floor(stockPerJob * c.Ready + 1e-9)) : 0;

    // Rounded down (stockrounding=down), a spare is sent only when the stock calls for a whole one: under a
    // batch delay short against the cycle, recall is small and 3 · recall · √1 rounded to the nearest still
    // gave a lone job a spare that starts before it can be retired.
    private double Stock(double projected)
    {
        var stock = safety * Recall * Math.Sqrt(projected);
        return stockRoundsDown ? Math.Floor(stock + 1e-9) : Math.Round(stock, MidpointRounding.AwayFromZero);
    }

    private long Target(in SchedulerContext c)
    {
        var projected = Projected(in c);
        var need = (long)Math.Ceiling(projected - 1e-9) + Spare(in c, projected) - c.Pending - Idle(in c);
        // Surplus pending pilots would start to an empty queue: retire them while they still wait.
        if (need >= 0) return need;
        return retire ? -(long)Math.Ceiling(Math.Min(-need, c.Pending) * retireShare - 1e-9) : 0;
    }

    /// <summary>Learns from the change since the previous cycle; a second call at the same instant learns nothing.</summary>
    private void Observe(in SchedulerContext c)
    {
        if (_last is { } last && c.Now > last)
        {
            var dt = (c.Now - last).TotalSeconds;
            var a = smoothing;
            _cycleSeconds = dt;
            var change = (c.Ready - _lastReady) / dt;
            _changeVariance = (1 - a) * _changeVariance + a * (change - _trend) * (change - _trend);
            _trend = (1 - a) * _trend + a * change;
            _changes = Math.Min(_changes + 1, 2);
            // Pilots that left pending either started or were retired by our last result; only starts
            // measure the batch delay (counting retirements would make it look shorter than it is).
            var left = Math.Max(0, _lastPending + (c.SubmittedTotal - _lastSubmitted) - c.Pending);
            var retired = _lastOutput < 0 ? Math.Min(-_lastOutput, _lastPending) : 0;
            var started = Math.Max(0, left - retired);
            if (started > 0) _seenStarts = true;
            // A cycle with nothing pending and nothing started says nothing about the batch delay. Taking it
            // as zeros pulled both figures toward 0 until, after a few quiet hours, the start rate fell under
            // its floor and the assumed delay came back: the first job after a quiet spell got spares sized
            // for the assumed delay instead of the one the site had shown.
            if (started > 0 || c.Pending > 0 || _lastPending > 0)
            {
                _startRate = (1 - a) * _startRate + a * (started / dt);
                _meanPending = (1 - a) * _meanPending + a * ((c.Pending + _lastPending) / 2.0);
            }
        }
        if (_last is null || c.Now > _last)
        {
            _last = c.Now;
            _lastReady = c.Ready;
            _lastPending = c.Pending;
            _lastSubmitted = c.SubmittedTotal;
        }
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step)
    {
        if (Status.IsStatusProblem(step.Note)) return Status.Held(PluginName, n, step);
        var projected = Projected(in context);
        return StepNotes.WithNote(string.Create(CultureInfo.InvariantCulture,
            $"{PluginName}:in={n},ready={context.Ready},trend={TrendPerHour:0.#}/h{(Trend == 0 && _trend != 0 ? "(noise)" : "")},delay={DelaySeconds:0}s,projected={projected:0.#},recall={Recall:0.00},spare={Spare(in context, projected)},pending={context.Pending},idle={Idle(in context)},ret={step.Output}"), step);
    }
}
