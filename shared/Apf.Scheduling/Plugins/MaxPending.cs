using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MaxPending: keeps at most <c>maximum</c> pilots waiting in the batch system.
/// With no pilot pending the input passes (free slots may exist, as in APF); otherwise
/// <c>min(n, maximum − pending)</c>, which is negative (retire the surplus idle pilots) when more than
/// <c>maximum</c> wait and <c>allow_negative</c> is true (APF's default), else not below 0.
/// Unlike APF, which passed its input through without batch status, Apf returns 0 then.
/// </summary>
public sealed class MaxPending(int maximum, bool allowNegative = true) : ISchedulerPlugin
{
    public const string PluginName = "MaxPending";

    public string Name => PluginName;
    public int Maximum => maximum;

    public static MaxPending Create(PluginContext context) => new(
        Options.RequiredCount(context.Settings, Options.Key(PluginName, "maximum")),
        context.Settings.Bool(Options.Key(PluginName, "allow_negative"), true));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        if (context.Pending <= 0) return new SchedulerStep(n);
        var room = (long)maximum - context.Pending;
        if (!allowNegative && room < 0) room = 0;
        return new SchedulerStep(Arithmetic.Saturate(Math.Min(n, room)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},pending={context.Pending},max={maximum},ret={step.Output}", step);
}
