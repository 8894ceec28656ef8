using System.Globalization;
using Apf.Core.Configuration;
using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// The options and the common part of KEDA's ScaledJob decision (kedacore/keda, scale_jobs.go):
/// <c>maxScale = min(⌈queueLength / targetAverageValue⌉, maxReplicaCount)</c>, and
/// <c>minReplicaCount − running</c> while fewer than minReplicaCount are alive. The strategies differ
/// only in what they do above that floor.
/// </summary>
/// <remarks>
/// Mapping to Apf: queueLength = ready (activated jobs); running = KEDA's count of Jobs not finished,
/// i.e. pilots pending + running (KEDA counts a Job as running from creation); pending = pilots pending.
/// KEDA never deletes Jobs, so a result below 0 becomes 0.
/// </remarks>
public readonly record struct KedaScaledJob(double TargetAverageValue = 1, int MaxReplicaCount = 100, int MinReplicaCount = 0)
{
    public static KedaScaledJob Read(SettingsReader r, string plugin)
    {
        var targetKey = Options.Key(plugin, "targetaveragevalue");
        var target = r.Double(targetKey, 1);
        if (!(target > 0) || double.IsInfinity(target))
        {
            r.Error(targetKey, $"must be a number above 0, got {target}");
            target = 1;
        }
        var max = Options.Count(r, Options.Key(plugin, "maxreplicacount"), 100);
        var minKey = Options.Key(plugin, "minreplicacount");
        var min = Options.Count(r, minKey, 0);
        if (min > max)
        {
            r.Error(minKey, $"must not exceed maxreplicacount ({max}), got {min}");
            min = 0;
        }
        return new KedaScaledJob(target, max, min);
    }

    public long MaxScale(in SchedulerContext c) =>
        (long)Math.Min(Math.Ceiling(Math.Max(0, c.Ready) / TargetAverageValue), MaxReplicaCount);   // capped before the cast: a tiny target must not overflow

    /// <summary>KEDA's "running": every Job not finished.</summary>
    public static long Active(in SchedulerContext c) => (long)c.Pending + c.Running;

    public string Describe(in SchedulerContext c) => string.Create(CultureInfo.InvariantCulture,
        $"queuelength={c.Ready},active={Active(in c)},pending={c.Pending},target={TargetAverageValue},min={MinReplicaCount},max={MaxReplicaCount},maxscale={MaxScale(in c)}");
}
