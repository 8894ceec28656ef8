using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's StatusTest: when the WMS says the site is in test mode, <c>pilots</c> (0 by default; a few
/// let test jobs run); otherwise the input. Without WMS status the site's state is unknown, so 0.
/// </summary>
public sealed class StatusTest(int pilots = 0) : ISchedulerPlugin
{
    public const string PluginName = "StatusTest";

    public string Name => PluginName;

    public static StatusTest Create(PluginContext context) =>
        new(Options.Count(context.Settings, Options.Key(PluginName, "pilots"), 0));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Wms(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return context.Site == SiteState.Test ? new SchedulerStep(pilots, StepNote.SiteTest) : new SchedulerStep(n);
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : step.Note == StepNote.SiteTest
                ? StepNotes.WithNote($"{PluginName}:comment=test,in={n},pilots={pilots},ret={step.Output}", step)
                : $"{PluginName}:comment=not test,in={n},ret={step.Output}";
}
