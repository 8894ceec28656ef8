using Apf.Core.Scheduling;

namespace Apf.Factory.Tests;

/// <summary>The runtime tests' one-plugin chain: submit what waits, minus pilots already pending (0 without fresh status).</summary>
public sealed class ReadyMinusPending : ISchedulerPlugin
{
    public string Name => "ReadyMinusPending";

    public SchedulerStep Apply(in SchedulerContext context, int n) =>
        !context.WmsUsable || !context.BatchUsable ? new(0, StepNotes.WmsProblem(context)) : new(Math.Max(0, context.Ready - context.Pending));

    public string Explain(in SchedulerContext context, int n, SchedulerStep step) =>
        $"ReadyMinusPending:ready={context.Ready},pending={context.Pending},ret={step.Output}";
}
