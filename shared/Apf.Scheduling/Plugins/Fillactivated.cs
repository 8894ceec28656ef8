using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's Fillactivated: <c>max(0, ready − pending)</c>; when WMS status cannot be used APF returned
/// <c>default</c> instead. Apf keeps that trickle only while batch status is fresh and no pilot is
/// pending, so a WMS outage can never pile pilots up in the batch system.
/// </summary>
public sealed class Fillactivated(int @default = 0) : ISchedulerPlugin
{
    public const string PluginName = "Fillactivated";

    public string Name => PluginName;
    public int Default => @default;

    public static Fillactivated Create(PluginContext context) =>
        new(Options.Count(context.Settings, Options.Key(PluginName, "default"), 0));

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var batch = Status.Batch(in context);
        if (batch != StepNote.None) return new SchedulerStep(0, batch);
        var wms = Status.Wms(in context);
        if (wms != StepNote.None) return new SchedulerStep(context.Pending == 0 ? @default : 0, wms);
        return new SchedulerStep(Arithmetic.Saturate(Math.Max(0L, (long)context.Ready - context.Pending)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) => step.Note switch
    {
        StepNote.BatchMissing or StepNote.BatchStale => Status.Held(PluginName, n, step),
        StepNote.WmsMissing or StepNote.WmsStale =>
            StepNotes.WithNote($"{PluginName}:in={n},pending={context.Pending},default={@default},ret={step.Output}", step),
        _ => StepNotes.WithNote($"{PluginName}:in={n},ready={context.Ready},pending={context.Pending},ret={step.Output}", step),
    };
}
