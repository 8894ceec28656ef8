using Apf.Core.Plugins;

namespace Apf.Scheduling;

/// <summary>
/// KEDA's default ScaledJob strategy: <c>maxScale − running</c>. Suits a queue length that counts work in
/// progress; with Apf's ready (activated only) it over-asks while pilots wait, so prefer KedaAccurate.
/// </summary>
public sealed class KedaDefault(KedaScaledJob scaling) : KedaStrategy(scaling)
{
    public const string PluginName = "KedaDefault";

    public override string Name => PluginName;

    public static KedaDefault Create(PluginContext context) => new(KedaScaledJob.Read(context.Settings, PluginName));

    protected override long Strategy(long maxScale, long running, long pending) => maxScale - running;
}
