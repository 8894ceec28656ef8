using Apf.Contracts;
using Apf.Core.Scheduling;

namespace Apf.Scheduling.Tests;

internal static class Contexts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A cycle with both status sources fresh.</summary>
    public static SchedulerContext Fresh(int ready = 0, int pending = 0, int running = 0, SiteState site = SiteState.Online) => new()
    {
        Now = Now,
        WmsState = StatusState.Fresh,
        BatchState = StatusState.Fresh,
        Ready = ready,
        Pending = pending,
        Running = running,
        Site = site,
    };

    public static SchedulerStep Step(this ISchedulerPlugin plugin, in SchedulerContext context, int n = 0) => plugin.Apply(in context, n);

    public static int Out(this ISchedulerPlugin plugin, in SchedulerContext context, int n = 0) => plugin.Apply(in context, n).Output;

    public static string Explained(this ISchedulerPlugin plugin, in SchedulerContext context, int n = 0) =>
        plugin.Explain(in context, n, plugin.Apply(in context, n));
}
