using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Wms.Http;

namespace Apf.Plugins.Wms.Panda;

/// <summary>
/// WMS status "Panda": job counts per PanDA queue from the server's statistics API, and the queue's
/// online/offline/test state from a queue status source (CRIC) when one is configured.
/// </summary>
public sealed class PandaWmsStatus(WmsHttpClient http, PandaOptions options) : IWmsStatusPlugin, IDisposable
{
    public async Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken)
    {
        var statistics = PandaStatistics.Parse(await http.GetStringAsync(options.StatisticsUri, cancellationToken).ConfigureAwait(false));
        IReadOnlyDictionary<string, SiteState> states = new Dictionary<string, SiteState>();
        if (options.QueueStatusUri is { } statusUri)
            states = PandaQueueStates.Parse(await http.GetStringAsync(statusUri, cancellationToken).ConfigureAwait(false));

        var result = new Dictionary<string, WmsQueueFigures>(StringComparer.Ordinal);
        foreach (var queue in wmsQueues)
        {
            var known = states.TryGetValue(queue, out var state);
            if (statistics.TryGetValue(queue, out var figures))
                result[queue] = figures with { Site = known ? state : SiteState.Unknown };
            // PanDA lists only queues with active jobs: a queue the status source knows has none.
            // Without that source an absent queue stays missing, so nothing is submitted on a guess.
            else if (known)
                result[queue] = new WmsQueueFigures { Site = state };
        }
        return result;
    }

    public void Dispose() => http.Dispose();
}

public sealed record PandaOptions(Uri StatisticsUri, Uri? QueueStatusUri);
