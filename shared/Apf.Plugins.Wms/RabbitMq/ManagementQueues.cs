using System.Text.Json;
using Apf.Contracts;
using Apf.Plugins.Wms.Http;
using Apf.Plugins.Wms.Panda;

namespace Apf.Plugins.Wms.RabbitMq;

/// <summary>
/// Reads the RabbitMQ management API's queue list (GET /api/queues or /api/queues/{vhost}): per queue,
/// messages_ready (work waiting: ready) and messages_unacknowledged (work taken by a consumer: running).
/// </summary>
public static class ManagementQueues
{
    /// <returns>Figures per queue name of <paramref name="vhost"/>. A queue whose message counts are not
    /// reported yet (stats arrive a few seconds after it is declared) is left out: missing, not zero.</returns>
    public static IReadOnlyDictionary<string, WmsQueueFigures> Parse(string json, string vhost)
    {
        using var document = PandaStatistics.Document(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new WmsException("the RabbitMQ management API answered something other than a list of queues");
        var result = new Dictionary<string, WmsQueueFigures>(StringComparer.Ordinal);
        foreach (var queue in document.RootElement.EnumerateArray())
        {
            if (queue.ValueKind != JsonValueKind.Object) continue;
            if (Text(queue, "name") is not { } name) continue;
            if (Text(queue, "vhost") is { } queueVhost && queueVhost != vhost) continue;
            if (Count(queue, "messages_ready") is not { } ready || Count(queue, "messages_unacknowledged") is not { } unacked) continue;
            result[name] = new WmsQueueFigures { Ready = ready, Running = unacked };
        }
        return result;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Count(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0 ? n : null;
}
