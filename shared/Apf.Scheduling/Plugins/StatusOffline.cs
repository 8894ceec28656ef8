using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's StatusOffline: when the WMS says the site is offline, <c>pilots</c> (0 by default: no
/// pilots for a site that cannot give them work, and no retirement either); otherwise the input.
/// Without WMS status the site's state is unknown, so 0.
/// </summary>
public sealed class StatusOffline(int pilots = 0) : ISchedulerPlugin
{
    public const string PluginName = "StatusOffline";

    public string Name => PluginName;

    public static StatusOffline Create(PluginContext context) =>
        new(Options.Count(context.Settings, Options.Key(PluginName, "pilots"), 0));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Wms(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        return context.Site == SiteState.Offline ? new SchedulerStep(pilots, StepNote.SiteOffline) : new SchedulerStep(n);
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : step.Note == StepNote.SiteOffline
                ? StepNotes.WithNote($"{PluginName}:comment=offline,in={n},pilots={pilots},ret={step.Output}", step)
                : $"{PluginName}:comment=not offline,in={n},ret={step.Output}";
}
