using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's KeepNQueueLife: keeps <c>njobs</c> pilots of the queue in the batch system (pending or running),
/// <c>njobs − (pending + running)</c>; without the key the input is the target. Negative when above it
/// (retire idle pilots), as in APF.
/// </summary>
public sealed class KeepNQueueLife(int? njobs) : ISchedulerPlugin
{
    public const string PluginName = "KeepNQueueLife";

    public string Name => PluginName;

    public static KeepNQueueLife Create(PluginContext context) =>
        new(Options.OptionalCount(context.Settings, Options.Key(PluginName, "njobs")));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return new SchedulerStep(Arithmetic.Saturate((long)(njobs ?? n) - context.Pending - context.Running));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},keep={njobs ?? n},jobsinqueue={(long)context.Pending + context.Running},ret={step.Output}", step);
}
