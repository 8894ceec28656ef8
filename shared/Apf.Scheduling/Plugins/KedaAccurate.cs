using Apf.Core.Plugins;

namespace Apf.Scheduling;

/// <summary>
/// KEDA's accurate ScaledJob strategy: <c>maxReplicaCount − running</c> when <c>maxScale + running</c>
/// exceeds maxReplicaCount, else <c>maxScale − pending</c>. Suits a queue length that excludes work in
/// progress, which is what Apf's ready is.
/// </summary>
public sealed class KedaAccurate(KedaScaledJob scaling) : KedaStrategy(scaling)
{
    public const string PluginName = "KedaAccurate";

    public override string Name => PluginName;

    public static KedaAccurate Create(PluginContext context) => new(KedaScaledJob.Read(context.Settings, PluginName));

    protected override long Strategy(long maxScale, long running, long pending) =>
        maxScale + running > Scaling.MaxReplicaCount ? Scaling.MaxReplicaCount - running : maxScale - pending;
}
