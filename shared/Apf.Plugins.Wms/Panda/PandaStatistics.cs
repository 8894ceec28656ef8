using System.Text.Json;
using Apf.Contracts;
using Apf.Plugins.Wms.Http;

namespace Apf.Plugins.Wms.Panda;

/// <summary>
/// Reads the PanDA server's job statistics (API v1, "statistics" module): the response
/// {"success": bool, "message": str, "data": {...}} where data maps each PanDA queue (computingSite)
/// to {jobStatus: count} (active_job_stats_by_site) or to {resource_type: {jobStatus: count}}
/// (job_stats_by_site_and_resource_type, summed over resource types).
/// </summary>
public static class PandaStatistics
{
    public static IReadOnlyDictionary<string, WmsQueueFigures> Parse(string json)
    {
        using var document = Document(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new WmsException("PanDA answered JSON that is not an object");
        if (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False)
        {
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "";
            throw new WmsException($"PanDA refused the statistics request: {message}");
        }
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            throw new WmsException("PanDA's answer has no 'data' object");

        var result = new Dictionary<string, WmsQueueFigures>(StringComparer.Ordinal);
        foreach (var site in data.EnumerateObject())
        {
            if (site.Value.ValueKind != JsonValueKind.Object) continue;
            result[site.Name] = Sum(new WmsQueueFigures(), site.Value, depth: 0);
        }
        return result;
    }

    private static WmsQueueFigures Sum(WmsQueueFigures figures, JsonElement states, int depth)
    {
        foreach (var entry in states.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Number)
            {
                if (!entry.Value.TryGetInt32(out var count) || count < 0)
                    throw new WmsException($"PanDA reports '{entry.Value.GetRawText()}' jobs in state '{entry.Name}'");
                figures = PandaJobStates.Add(figures, entry.Name, count);
            }
            else if (entry.Value.ValueKind == JsonValueKind.Object && depth == 0)
            {
                figures = Sum(figures, entry.Value, depth + 1); // per resource type
            }
        }
        return figures;
    }

    internal static JsonDocument Document(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new WmsException($"the answer is not JSON: {e.Message}", e);
        }
    }
}
