using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MinPending: keeps at least <c>minimum</c> pilots waiting, <c>max(n, minimum − pending)</c>,
/// so a site's free slots are taken as soon as they appear.
/// </summary>
public sealed class MinPending(int minimum) : ISchedulerPlugin
{
    public const string PluginName = "MinPending";

    public string Name => PluginName;

    public static MinPending Create(PluginContext context) =>
        new(Options.RequiredCount(context.Settings, Options.Key(PluginName, "minimum")));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return new SchedulerStep(Arithmetic.Saturate(Math.Max(n, (long)minimum - context.Pending)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},pending={context.Pending},min={minimum},ret={step.Output}", step);
}
