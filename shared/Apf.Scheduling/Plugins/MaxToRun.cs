using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MaxToRun: at most <c>maximum</c> pilots of the queue alive at once,
/// <c>min(n, maximum − (pending + running))</c>. Negative when above the maximum (retire idle pilots), as in APF.
/// </summary>
public sealed class MaxToRun(int maximum) : ISchedulerPlugin
{
    public const string PluginName = "MaxToRun";

    public string Name => PluginName;

    public static MaxToRun Create(PluginContext context) =>
        new(Options.RequiredCount(context.Settings, Options.Key(PluginName, "maximum")));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return new SchedulerStep(Arithmetic.Saturate(Math.Min(n, (long)maximum - context.Pending - context.Running)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},pending={context.Pending},running={context.Running},max={maximum},ret={step.Output}", step);
}
