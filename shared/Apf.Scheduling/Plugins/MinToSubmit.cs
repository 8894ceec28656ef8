using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// Lifetime floor (named in APF, never implemented there): until a queue has submitted <c>minimum</c>
/// pilots since the factory started, ask for at least the ones still missing,
/// <c>max(n, minimum − submitted)</c>; afterwards the input passes. Warms up a new queue without waiting
/// for WMS work. It only raises a number, so put MaxPerCycle and MaxPending after it; it needs fresh
/// batch status (0 otherwise) because pilots it already asked for may not be counted yet.
/// </summary>
public sealed class MinToSubmit(int minimum) : ISchedulerPlugin
{
    public const string PluginName = "MinToSubmit";

    public string Name => PluginName;

    public static MinToSubmit Create(PluginContext context) =>
        new(Options.RequiredCount(context.Settings, Options.Key(PluginName, "minimum")));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        var missing = minimum - context.SubmittedTotal;
        // Once the minimum is reached the plugin steps aside, a retirement included.
        return new SchedulerStep(missing > 0 && missing > n ? (int)missing : n);
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : $"{PluginName}:in={n},submitted={context.SubmittedTotal},min={minimum},ret={step.Output}";
}
