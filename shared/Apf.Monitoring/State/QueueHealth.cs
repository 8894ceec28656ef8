using Apf.Contracts;

namespace Apf.Monitoring.State;

/// <summary>What an operator should look at first, worst first.</summary>
public static class QueueHealth
{
    public const string Erroring = "erroring";
    public const string Starved = "starved";
    public const string Flooding = "flooding";
    public const string Stale = "stale";
    public const string Ok = "ok";
    public const string Waiting = "waiting";

    public static readonly string[] All = [Erroring, Starved, Flooding, Stale, Ok, Waiting];

    /// <param name="lastSubmitError">The error of the queue's latest submission, null when it succeeded.</param>
    public static string Judge(QueueDecided? decided, string? lastSubmitError, DateTimeOffset now, MonitorOptions options)
    {
        if (decided is null) return Waiting;
        if (decided.Error is not null || lastSubmitError is not null) return Erroring;
        var ready = decided.Wms?.Ready ?? 0;
        var pending = (decided.Batch?.Pending ?? 0) + decided.InFlight;
        var running = decided.Batch?.Running ?? 0;
        // Starved: work waits and no pilot is on its way to it.
        if (decided.Wms is not null && decided.Batch is not null && ready > 0 && pending + running == 0) return Starved;
        // Flooding: far more pilots wait in the batch system than there is work for them.
        if (decided.Batch is not null && pending > ready * options.FloodingFactor && pending - ready >= options.FloodingMinimum) return Flooding;
        if (now - decided.DecidedAt > options.StaleAfter || !IsFresh(decided.WmsState) || !IsFresh(decided.BatchState)) return Stale;
        return Ok;
    }

    private static bool IsFresh(string state) => state.StartsWith("fresh", StringComparison.Ordinal);
}
