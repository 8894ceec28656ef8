using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's KeepNRunning: a target number of live pilots, <c>keep_running − (pending + running)</c>;
/// without the key the input is the target, <c>n − (pending + running)</c>. Negative when above the
/// target, which retires idle pilots, as in APF.
/// </summary>
public sealed class KeepNRunning(int? keepRunning) : ISchedulerPlugin
{
    public const string PluginName = "KeepNRunning";

    public string Name => PluginName;

    public static KeepNRunning Create(PluginContext context) =>
        new(Options.OptionalCount(context.Settings, Options.Key(PluginName, "keep_running")));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return new SchedulerStep(Arithmetic.Saturate((long)(keepRunning ?? n) - context.Pending - context.Running));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},keep={keepRunning ?? n},pending={context.Pending},running={context.Running},ret={step.Output}", step);
}
