using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// A KEDA ScaledJob scaling strategy as a scheduler plugin. A source plugin like Ready: it ignores its
/// input and needs both WMS status (queue length) and batch status (running, pending), 0 without them.
/// </summary>
public abstract class KedaStrategy(KedaScaledJob scaling) : ISchedulerPlugin
{
    public abstract string Name { get; }
    public KedaScaledJob Scaling => scaling;

    /// <summary>The strategy above minReplicaCount; <paramref name="running"/> is already running − minReplicaCount.</summary>
    protected abstract long Strategy(long maxScale, long running, long pending);

    public SchedulerStep Apply(in SchedulerContext context, int n)
    {
        var problem = Status.Both(in context);
        if (problem != StepNote.None) return new SchedulerStep(0, problem);
        var running = KedaScaledJob.Active(in context);
        var wanted = running < scaling.MinReplicaCount
            ? scaling.MinReplicaCount - running
            : Strategy(scaling.MaxScale(in context), running - scaling.MinReplicaCount, context.Pending);
        return new SchedulerStep(Arithmetic.Saturate(Math.Max(0L, wanted)));
    }

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        Status.IsStatusProblem(step.Note)
            ? Status.Held(Name, n, step)
            : $"{Name}:in={n},{scaling.Describe(in context)}{ExtraOptions()},ret={step.Output}";

    /// <summary>Strategy-specific options for the explanation (",deduction=2,runningpercentage=0.5").</summary>
    protected virtual string ExtraOptions() => "";
}
