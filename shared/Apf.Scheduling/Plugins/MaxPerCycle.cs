using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MaxPerCycle: <c>min(n, maximum)</c>. Caps submissions only: a negative input (retire) passes.
/// Without the key it passes its input through, as APF did ("comment=not set").
/// </summary>
public sealed class MaxPerCycle(int? maximum) : ISchedulerPlugin
{
    public const string PluginName = "MaxPerCycle";

    public string Name => PluginName;

    public static MaxPerCycle Create(PluginContext context) =>
        new(Options.OptionalCount(context.Settings, Options.Key(PluginName, "maximum")));

    public SchedulerStep Apply(in SchedulerContext context, int n) =>
        new(maximum is { } max ? Math.Min(n, max) : n);

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        maximum is { } max
            ? $"{PluginName}:in={n},max={max},ret={step.Output}"
            : $"{PluginName}:comment=not set,in={n},ret={step.Output}";
}
