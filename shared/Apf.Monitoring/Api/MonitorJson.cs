using System.Text.Json;
using System.Text.Json.Serialization;

namespace Apf.Monitoring.Api;

/// <summary>One JSON shape for the API, the live stream and <c>apf status</c>: camelCase, enums as words.</summary>
public static class MonitorJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
