using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's Ready: one pilot per activated (ready) job not already covered by a pending pilot,
/// <c>max(0, (ready − offset) − pending)</c>. A source plugin: it ignores its input.
/// </summary>
public sealed class Ready(int offset = 0) : ISchedulerPlugin
{
    public const string PluginName = "Ready";

    public string Name => PluginName;
    public int Offset => offset;

    public static Ready Create(PluginContext context) =>
        new(Options.Count(context.Settings, Options.Key(PluginName, "offset"), 0));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Both(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return new SchedulerStep(Arithmetic.Saturate(Math.Max(0L, (long)context.Ready - offset - context.Pending)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},ready={context.Ready},offset={offset},pending={context.Pending},ret={step.Output}", step);
}
