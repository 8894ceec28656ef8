using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MaxPending: keeps at most <c>maximum</c> pilots waiting in the batch system:
/// <c>min(n, maximum − pending)</c>, which is negative (retire the surplus idle pilots) when more than
/// <c>maximum</c> wait and <c>allow_negative</c> is true (APF's default), else not below 0.
/// Two differences from APF, both so that the cap is a cap: APF let its input through when no pilot
/// was pending ("free slots may exist") — a burst then lands on the site whole; Apf does so only with
/// <c>pass_when_empty: true</c>. And APF passed its input through without batch status; Apf returns 0.
/// </summary>
public sealed class MaxPending(int maximum, bool allowNegative = true, bool passWhenEmpty = false) : ISchedulerPlugin
{
    public const string PluginName = "MaxPending";

    public string Name => PluginName;
    public int Maximum => maximum;

    public static MaxPending Create(PluginContext context) => new(
        Options.RequiredCount(context.Settings, Options.Key(PluginName, "maximum")),
        context.Settings.Bool(Options.Key(PluginName, "allow_negative"), true),
        context.Settings.Bool(Options.Key(PluginName, "pass_when_empty"), false));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        if (passWhenEmpty && context.Pending <= 0) return new SchedulerStep(n);
        var room = (long)maximum - context.Pending;
        if (!allowNegative && room < 0) room = 0;
        return new SchedulerStep(Arithmetic.Saturate(Math.Min(n, room)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},pending={context.Pending},max={maximum},ret={step.Output}", step);
}
