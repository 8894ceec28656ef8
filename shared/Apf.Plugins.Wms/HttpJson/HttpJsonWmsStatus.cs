using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Wms.Http;
using Apf.Plugins.Wms.Panda;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Apf.Plugins.Wms.HttpJson;

/// <summary>
/// WMS status "HttpJson": any WMS with an HTTP JSON API. One GET per cycle (or one per queue when the
/// URL holds {queue}); JSONPath expressions pick ready, running and the other figures. A queue whose
/// ready figure is absent is left out (missing), never read as zero.
/// </summary>
public sealed class HttpJsonWmsStatus(WmsHttpClient http, HttpJsonOptions options) : IWmsStatusPlugin, IDisposable
{
    public async Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, WmsQueueFigures>(StringComparer.Ordinal);
        JToken? shared = null;
        foreach (var queue in wmsQueues)
        {
            JToken document;
            if (options.UrlPerQueue)
                document = await FetchAsync(options.UrlFor(queue), cancellationToken).ConfigureAwait(false);
            else
                document = shared ??= await FetchAsync(options.UrlFor(queue), cancellationToken).ConfigureAwait(false);
            if (Read(document, queue) is { } figures) result[queue] = figures;
        }
        return result;
    }

    private WmsQueueFigures? Read(JToken document, string queue)
    {
        if (options.Ready.Count(document, queue) is not { } ready) return null;
        return new WmsQueueFigures
        {
            Ready = ready,
            Running = options.Running?.Count(document, queue) ?? 0,
            NotReady = options.NotReady?.Count(document, queue) ?? 0,
            Done = options.Done?.Count(document, queue) ?? 0,
            Failed = options.Failed?.Count(document, queue) ?? 0,
            Site = options.Site?.Select(document, queue) is { Type: JTokenType.String } state
                ? PandaQueueStates.Of(state.Value<string>()!)
                : SiteState.Unknown,
        };
    }

    private async Task<JToken> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            return JToken.Parse(text);
        }
        catch (JsonException e)
        {
            throw new WmsException($"{WmsHttpClient.Describe(url)} answered something that is not JSON: {e.Message}", e);
        }
    }

    public void Dispose() => http.Dispose();
}

public sealed record HttpJsonOptions
{
    public required string Url { get; init; }
    public required JsonPathQuery Ready { get; init; }
    public JsonPathQuery? Running { get; init; }
    public JsonPathQuery? NotReady { get; init; }
    public JsonPathQuery? Done { get; init; }
    public JsonPathQuery? Failed { get; init; }
    public JsonPathQuery? Site { get; init; }

    public bool UrlPerQueue => Url.Contains("{queue}", StringComparison.Ordinal);

    public Uri UrlFor(string queue) => new(Url.Replace("{queue}", Uri.EscapeDataString(queue), StringComparison.Ordinal));
}
