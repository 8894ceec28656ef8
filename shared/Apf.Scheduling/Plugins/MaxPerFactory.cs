using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MaxPerFactory: pending + running pilots over all queues of the factory stay at most the
/// factory's <c>maxperfactory.maximum</c> (a queue may set its own <c>sched.maxperfactory.maximum</c>).
/// Submissions are capped to the room left, 0 when the factory is full; a negative input (retire) passes.
/// </summary>
public sealed class MaxPerFactory(int maximum) : ISchedulerPlugin
{
    public const string PluginName = "MaxPerFactory";

    public string Name => PluginName;
    public int Maximum => maximum;

    public static MaxPerFactory Create(PluginContext context)
    {
        var key = Options.Key(PluginName, "maximum");
        var maximum = Options.OptionalCount(context.Settings, key) ?? context.Factory.MaxPerFactory;
        if (maximum is null && context.Settings.Settings[key] is null)
            context.Settings.Error(key, "no cap to apply: set the factory's maxperfactory.maximum or this key");
        return new MaxPerFactory(maximum ?? 0);
    }

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        // The factory-wide figures include this queue's, so the queue's own batch status must be fresh.
        var problem = Status.Batch(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        if (n <= 0) return new SchedulerStep(n);
        var room = (long)maximum - context.FactoryPending - context.FactoryRunning;
        if (room <= 0) return new SchedulerStep(0, StepNote.FactoryFull);
        return new SchedulerStep(Arithmetic.Saturate(Math.Min(n, room)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(PluginName, n, step)
            : StepNotes.WithNote($"{PluginName}:in={n},factorypending={context.FactoryPending},factoryrunning={context.FactoryRunning},max={maximum},ret={step.Output}", step);
}
