using System.Globalization;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's Throttle, a black-hole guard: when more than <c>ratio</c> of the pilots that ended recently ran
/// shorter than <c>maxtime</c> (a broken node eating pilots), submit at most <c>submit</c> per cycle.
/// The window (<c>sched.throttle.interval</c>) and the threshold (<c>sched.throttle.maxtime</c>) are read
/// by the core, which has batch status count <see cref="SchedulerContext.RecentlyEnded"/> with them.
/// </summary>
public sealed class Throttle(double ratio = 0.5, int submit = 1) : ISchedulerPlugin
{
    public const string PluginName = "Throttle";

    public string Name => PluginName;

    public static Throttle Create(PluginContext context) => new(
        Options.Factor(context.Settings, Options.Key(PluginName, "ratio"), 0.5, max: 1.0),
        Options.Count(context.Settings, Options.Key(PluginName, "submit"), 1));

    /// <summary>
    /// The window batch status judges pilots in (<c>sched.throttle.interval</c>, 3600 s) and what counts as
    /// a short pilot (<c>sched.throttle.maxtime</c>, 10 s), for the core's <c>BatchStatusQuery</c>.
    /// </summary>
    public static (TimeSpan Interval, TimeSpan MaxTime) ReadWindow(SettingsReader settings) => (
        settings.Seconds(Options.Key(PluginName, "interval"), TimeSpan.FromSeconds(3600), min: TimeSpan.FromSeconds(1)),
        settings.Seconds(Options.Key(PluginName, "maxtime"), TimeSpan.FromSeconds(10), min: TimeSpan.Zero));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        // Compared as short > ratio·ended to avoid a division (and a division by zero).
        var tripped = context.RecentlyEnded > 0 && context.RecentlyEndedShort > ratio * context.RecentlyEnded;
        if (!tripped) return new SchedulerStep(n);
        return n > submit ? new SchedulerStep(submit, StepNote.Throttled) : new SchedulerStep(n, StepNote.Throttled);
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote(string.Create(CultureInfo.InvariantCulture,
                $"{PluginName}:in={n},ended={context.RecentlyEnded},short={context.RecentlyEndedShort},ratio={ratio},submit={submit},ret={step.Output}"), step);
}
