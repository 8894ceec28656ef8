using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Wms.Http;

namespace Apf.Plugins.Wms.RabbitMq;

/// <summary>
/// WMS status "RabbitMQ": a work queue per WMS queue (named prefix + wmsqueue) in one virtual host,
/// read with one management API call per cycle for all queues.
/// </summary>
public sealed class RabbitMqWmsStatus(WmsHttpClient http, RabbitMqOptions options) : IWmsStatusPlugin, IDisposable
{
    public async Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync(options.QueuesUri, cancellationToken).ConfigureAwait(false);
        var queues = ManagementQueues.Parse(json, options.VirtualHost);
        var result = new Dictionary<string, WmsQueueFigures>(StringComparer.Ordinal);
        foreach (var wmsQueue in wmsQueues)
            if (queues.TryGetValue(options.QueuePrefix + wmsQueue, out var figures))
                result[wmsQueue] = figures;
        return result;
    }

    public void Dispose() => http.Dispose();
}

public sealed record RabbitMqOptions(Uri ManagementUri, string VirtualHost, string QueuePrefix)
{
    /// <summary>Only the columns Apf reads: the full queue objects are large on a busy broker.</summary>
    public Uri QueuesUri => new(ManagementUri,
        $"api/queues/{Uri.EscapeDataString(VirtualHost)}?columns=name,vhost,messages_ready,messages_unacknowledged");
}
