using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's Fixed: the same number of pilots every cycle, whatever the input and the status. Blind by
/// design (test queues, opportunistic resources), so follow it with MaxPending.
/// </summary>
public sealed class Fixed(int pilotsPerCycle) : ISchedulerPlugin
{
    public const string PluginName = "Fixed";

    public string Name => PluginName;

    public static Fixed Create(PluginContext context) =>
        new(Options.Count(context.Settings, Options.Key(PluginName, "pilotspercycle"), 0));

    public SchedulerStep Apply(in SchedulerContext context, int n) => new(pilotsPerCycle);

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        $"{PluginName}:in={n},pilotspercycle={pilotsPerCycle},ret={step.Output}";
}
