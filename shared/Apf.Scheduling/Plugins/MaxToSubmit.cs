using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// Lifetime cap (named in APF, never implemented there): a queue submits at most <c>maximum</c> pilots
/// since the factory started, <c>min(n, maximum − submitted)</c> and not below 0; a negative input
/// (retire) passes. For test queues and bounded campaigns.
/// </summary>
public sealed class MaxToSubmit(int maximum) : ISchedulerPlugin
{
    public const string PluginName = "MaxToSubmit";

    public string Name => PluginName;

    public static MaxToSubmit Create(PluginContext context) =>
        new(Options.RequiredCount(context.Settings, Options.Key(PluginName, "maximum")));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        if (n <= 0) return new SchedulerStep(n);
        var left = Math.Max(0L, maximum - context.SubmittedTotal);
        return left < n ? new SchedulerStep((int)left, StepNote.LifetimeCapReached) : new SchedulerStep(n);
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        StepNotes.WithNote($"{PluginName}:in={n},submitted={context.SubmittedTotal},max={maximum},ret={step.Output}", step);
}
