namespace Apf.Core.Scheduling;

/// <summary>
/// One link of a queue's scheduler chain. Pure: the output depends only on the context and the input
/// <c>n</c> (the previous plugin's output; the first plugin gets 0). A negative output asks to retire
/// idle pilots.
/// </summary>
public interface ISchedulerPlugin
{
    /// <summary>APF's name, e.g. "MaxPending".</summary>
    string Name { get; }

    SchedulerStep Apply(in SchedulerContext context, int n);

    /// <summary>
    /// APF-style explanation of a step, e.g. <c>MaxPending:in=12,pending=30,max=25,ret=0</c>.
    /// Formatted only when asked, so evaluation stays allocation-free.
    /// </summary>
    string Explain(in SchedulerContext context, int n, SchedulerStep step);
}
