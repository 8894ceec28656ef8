using System.Globalization;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// APF's Scale: <c>⌈n · factor⌉</c>. Rounds up like APF, so a factor below 1 still lets one pilot through
/// for one ready job; a negative input (retire) is scaled too (⌈−5·0.5⌉ = −2).
/// </summary>
public sealed class Scale(double factor = 1.0) : ISchedulerPlugin
{
    public const string PluginName = "Scale";

    public string Name => PluginName;

    public static Scale Create(PluginContext context) =>
        new(Options.Factor(context.Settings, Options.Key(PluginName, "factor"), 1.0));

    public SchedulerStep Apply(in SchedulerContext context, int n) => new(Arithmetic.Saturate(Math.Ceiling(n * factor)));

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        string.Create(CultureInfo.InvariantCulture, $"{PluginName}:in={n},factor={factor},ret={step.Output}");
}
