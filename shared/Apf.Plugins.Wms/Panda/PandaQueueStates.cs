using System.Text.Json;
using Apf.Contracts;
using Apf.Plugins.Wms.Http;

namespace Apf.Plugins.Wms.Panda;

/// <summary>
/// Reads PanDA queue states from a JSON object keyed by queue name whose values carry a "status"
/// string, as CRIC's pandaqueue query (…/api/atlas/pandaqueue/query/?json) returns them.
/// </summary>
public static class PandaQueueStates
{
    public static IReadOnlyDictionary<string, SiteState> Parse(string json)
    {
        using var document = PandaStatistics.Document(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new WmsException("the queue status answer is not a JSON object");
        var result = new Dictionary<string, SiteState>(StringComparer.Ordinal);
        foreach (var queue in document.RootElement.EnumerateObject())
        {
            if (queue.Value.ValueKind != JsonValueKind.Object) continue;
            if (!queue.Value.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String) continue;
            result[queue.Name] = Of(status.GetString()!);
        }
        return result;
    }

    /// <summary>online and brokeroff (no new jobs brokered, queued ones still run) read as online.</summary>
    public static SiteState Of(string status) => status.Trim().ToLowerInvariant() switch
    {
        "online" or "brokeroff" => SiteState.Online,
        "offline" => SiteState.Offline,
        "test" => SiteState.Test,
        _ => SiteState.Unknown,
    };
}
