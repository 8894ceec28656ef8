using Apf.Core.Plugins;

namespace Apf.Scheduling;

/// <summary>
/// KEDA's eager ScaledJob strategy: <c>min(maxReplicaCount − running − pending, maxScale)</c>: fills up to
/// maxReplicaCount at once (KEDA users report over-scaling with it; cap it with MaxPerCycle).
/// </summary>
public sealed class KedaEager(KedaScaledJob scaling) : KedaStrategy(scaling)
{
    public const string PluginName = "KedaEager";

    public override string Name => PluginName;

    public static KedaEager Create(PluginContext context) => new(KedaScaledJob.Read(context.Settings, PluginName));

    protected override long Strategy(long maxScale, long running, long pending) =>
        Math.Min(Scaling.MaxReplicaCount - running - pending, maxScale);
}
