using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>APF's Null: always 0 (a queue kept configured but idle).</summary>
public sealed class Null : ISchedulerPlugin
{
    public const string PluginName = "Null";

    public string Name => PluginName;

    public static Null Create(PluginContext context) => new();

    public SchedulerStep Apply(in SchedulerContext context, int n) => new(0);

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) => $"{PluginName}:in={n},ret={step.Output}";
}
