using System.Globalization;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's WeightedActivated: <c>max(0, ⌊ready·activated⌋ − ⌊pending·pending-weight⌋)</c>, for sites
/// where one pilot runs several jobs (weight below 1) or pilots often fail (weight above 1).
/// </summary>
public sealed class WeightedActivated(double activatedWeight = 1.0, double pendingWeight = 1.0) : ISchedulerPlugin
{
    public const string PluginName = "WeightedActivated";

    public string Name => PluginName;

    public static WeightedActivated Create(PluginContext context) => new(
        Options.Factor(context.Settings, Options.Key(PluginName, "activated"), 1.0),
        Options.Factor(context.Settings, Options.Key(PluginName, "pending"), 1.0));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Both(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        var wanted = Math.Floor(context.Ready * activatedWeight) - Math.Floor(context.Pending * pendingWeight);
        return new SchedulerStep(Arithmetic.Saturate(Math.Max(0.0, wanted)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote(string.Create(CultureInfo.InvariantCulture,
                $"{PluginName}:in={n},ready={context.Ready},wa={activatedWeight},pending={context.Pending},wp={pendingWeight},ret={step.Output}"), step);
}
