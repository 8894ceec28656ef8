using Apf.Factory.Pilots;
using Apf.Monitoring.Live;
using Apf.Monitoring.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Monitoring.State;

/// <summary>
/// Looks, every <see cref="MonitorOptions.LostCheckInterval"/> on the host's <see cref="TimeProvider"/>, for pilots
/// that stopped beating: counts each once (apf_pilots_lost_total), logs it, and pushes it to open pages.
/// The lost state itself is read from the clock whenever asked, so it never lags behind this check.
/// </summary>
public sealed class LostPilotWatcher(
    MonitorState state, PilotTracker pilots, MonitorMetrics metrics, LiveUpdates live, ILogger<LostPilotWatcher> logger) : BackgroundService
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(state.Options.LostCheckInterval, state.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Check();
                Forget();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Forgets pilots silent for longer than <see cref="MonitorOptions.PilotRetention"/>; returns their ids.</summary>
    public IReadOnlyList<string> Forget()
    {
        var gone = pilots.Forget(state.Time.GetUtcNow() - state.Options.PilotRetention);
        metrics.Forget(gone);
        foreach (var id in gone) _reported.Remove(id);
        return gone;
    }

    /// <summary>Reports pilots newly found lost; returns them.</summary>
    public IReadOnlyList<PilotRecord> Check()
    {
        var now = state.Time.GetUtcNow();
        var found = new List<PilotRecord>();
        foreach (var pilot in pilots.Pilots)
        {
            var lost = PilotState.Of(pilot, now, state.Options.PilotLostAfter) == PilotState.Lost;
            // A lost pilot that speaks again is running again, and may be lost (and counted) again later.
            if (!lost) { _reported.Remove(pilot.PilotId); continue; }
            if (!_reported.Add(pilot.PilotId)) continue;
            found.Add(pilot);
            metrics.PilotLost(pilot);
            live.PilotChanged(pilot);
            logger.LogWarning("Pilot {PilotId} of queue {Queue} on {Host} lost: silent since {LastSeen:u}", pilot.PilotId, pilot.Queue, pilot.Host ?? "?", pilot.LastSeenAt);
        }
        return found;
    }
}
