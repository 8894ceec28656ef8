using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Apf.Plugins.Wms.Http;

namespace Apf.Plugins.Wms.HttpJson;

/// <summary>
/// A JSONPath expression (Json.NET's SelectToken: "$.a.b[0].c", "$['odd key']", filters) with an optional
/// {queue} placeholder, replaced by the WMS queue name quoted for use inside '...'.
/// </summary>
public sealed class JsonPathQuery(string key, string template)
{
    public string Key => key;
    public string Template => template;

    /// <summary>Null when the path is valid; otherwise why not (checked once, when the queue is configured).</summary>
    public static string? Problem(string template)
    {
        try
        {
            new JObject().SelectToken(Substitute(template, "q"), errorWhenNoMatch: false);
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }

    /// <summary>The token the path selects for <paramref name="queue"/>; null when nothing matches.</summary>
    public JToken? Select(JToken document, string queue)
    {
        try
        {
            var token = document.SelectToken(Substitute(template, queue), errorWhenNoMatch: false);
            return token is null || token.Type == JTokenType.Null ? null : token;
        }
        catch (JsonException e)
        {
            throw new WmsException($"{key} '{template}' selects more than one value or cannot be applied: {e.Message}", e);
        }
    }

    /// <summary>A whole, non-negative number (a JSON number or a numeric string).</summary>
    public int? Count(JToken document, string queue)
    {
        var token = Select(document, queue);
        if (token is null) return null;
        var value = token.Type switch
        {
            JTokenType.Integer => token.Value<long>(),
            JTokenType.Float when token.Value<double>() is var d && d == Math.Floor(d) => (long)d,
            JTokenType.String when long.TryParse(token.Value<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ => -1,
        };
        if (value is < 0 or > int.MaxValue)
            throw new WmsException($"{key} '{template}' selected '{Shorten(token)}' for queue {queue}, not a count of jobs");
        return (int)value;
    }

    private static string Substitute(string template, string queue) =>
        template.Replace("{queue}", queue.Replace("\\", "\\\\").Replace("'", "\\'"), StringComparison.Ordinal);

    private static string Shorten(JToken token)
    {
        var text = token.ToString(Formatting.None);
        return text.Length <= 60 ? text : text[..60] + "...";
    }
}
