using System.Globalization;
using Apf.Core.Plugins;

namespace Apf.Scheduling;

/// <summary>
/// KEDA's custom ScaledJob strategy:
/// <c>min(maxScale − customScalingQueueLengthDeduction − ⌊running · customScalingRunningJobPercentage⌋, maxReplicaCount)</c>.
/// With the defaults (deduction 0, percentage 1) it equals KedaDefault, as KEDA falls back to default
/// when the custom fields are unset.
/// </summary>
public sealed class KedaCustom(KedaScaledJob scaling, int queueLengthDeduction = 0, double runningJobPercentage = 1.0) : KedaStrategy(scaling)
{
    public const string PluginName = "KedaCustom";

    public override string Name => PluginName;

    public static KedaCustom Create(PluginContext context) => new(
        KedaScaledJob.Read(context.Settings, PluginName),
        context.Settings.Int(Options.Key(PluginName, "customscalingqueuelengthdeduction"), 0),
        Options.Factor(context.Settings, Options.Key(PluginName, "customscalingrunningjobpercentage"), 1.0));

    protected override long Strategy(long maxScale, long running, long pending) =>
        Math.Min(maxScale - queueLengthDeduction - (long)(running * runningJobPercentage), Scaling.MaxReplicaCount);

    protected override string ExtraOptions() => string.Create(CultureInfo.InvariantCulture,
        $",deduction={queueLengthDeduction},runningpercentage={runningJobPercentage}");
}
