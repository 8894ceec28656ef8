using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's MinPerCycle: <c>max(n, minimum)</c>. Note that it lifts a negative input (retire) to the
/// minimum, as APF did. Without the key it passes its input through.
/// </summary>
public sealed class MinPerCycle(int? minimum) : ISchedulerPlugin
{
    public const string PluginName = "MinPerCycle";

    public string Name => PluginName;

    public static MinPerCycle Create(PluginContext context) =>
        new(Options.OptionalCount(context.Settings, Options.Key(PluginName, "minimum")));

    public SchedulerStep Apply(in SchedulerContext context, int n) =>
        new(minimum is { } min ? Math.Max(n, min) : n);

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        minimum is { } min
            ? $"{PluginName}:in={n},min={min},ret={step.Output}"
            : $"{PluginName}:comment=not set,in={n},ret={step.Output}";
}
