using Apf.Contracts;
using Apf.Core.Configuration;

namespace Apf.Factory.Scheduling;

/// <summary>
/// The restarted-Scheduler rule. Over a durable broker, commands sent by an earlier Scheduler may still
/// wait in the submit queue or be in a Submitter's hands; this Scheduler cannot see them, so it sends no
/// submit command for a queue until (1) every such command must have been applied or refused — a
/// Submitter refuses commands older than <c>apfqueue.sleep + apfqueue.maxage</c>, and one already under
/// way finishes within two plugin calls (find, submit) — and (2) a batch snapshot taken after that moment
/// shows their pilots. Until then the queue's decisions are published as holds. With the in-memory bus
/// earlier commands die with the process, so the guard is off.
/// </summary>
public sealed class RestartGuard(bool enabled, DateTimeOffset startedAt)
{
    // Clocks of separate hosts differ a little; a command's age is judged on the Submitter's clock.
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(2);

    public bool Enabled => enabled;

    public DateTimeOffset StartedAt => startedAt;

    /// <summary>When every command of an earlier Scheduler is settled, for this queue's options.</summary>
    public DateTimeOffset SettledAt(QueueOptions options) =>
        startedAt + options.CommandExpiry + options.PluginTimeout * 2 + ClockMargin;

    /// <summary>The reason to hold a submission now, or null when it may go.</summary>
    public string? HoldReason(QueueOptions options, DateTimeOffset now, BatchStatusObserved? batch)
    {
        if (!enabled) return null;
        var settled = SettledAt(options);
        if (now < settled)
            return $"hold: scheduler restarted; commands of an earlier scheduler may be in flight until {settled:HH:mm:ss}";
        if (batch is null || batch.ObservedAt < settled)
            return "hold: scheduler restarted; waiting for a batch snapshot taken after earlier commands settled";
        return null;
    }
}
