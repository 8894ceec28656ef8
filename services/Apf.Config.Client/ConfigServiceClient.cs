using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Apf.Core.Configuration;

namespace Apf.Config.Client;

/// <summary>
/// Talks to the config service. Give it an HttpClient whose BaseAddress is the service's URL; writes
/// need an API key.
/// </summary>
public sealed class ConfigServiceClient(HttpClient http, string? apiKey = null)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string RevisionHeader = "X-Apf-Revision";
    private const string Yaml = "application/yaml";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>`apf config pull`: the whole configuration as YAML.</summary>
    public async Task<PulledConfig> PullAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/export"), cancellationToken);
        var yaml = await response.Content.ReadAsStringAsync(cancellationToken);
        return new PulledConfig(yaml, RevisionOf(response));
    }

    /// <summary>
    /// `apf config push`: replaces the whole configuration with <paramref name="yaml"/>. With
    /// <paramref name="expectedRevision"/> the push fails (409) if someone changed the configuration
    /// since; without it, the current revision is read first and overwritten.
    /// </summary>
    public async Task<PushResult> PushAsync(string yaml, long? expectedRevision = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var revision = expectedRevision ?? await CurrentRevisionAsync(cancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/import?revision={revision.ToString(CultureInfo.InvariantCulture)}&dryRun={(dryRun ? "true" : "false")}")
        {
            Content = new StringContent(yaml, Encoding.UTF8, Yaml),
        };
        return await ReadAsync<PushResult>(request, cancellationToken);
    }

    /// <summary>Replaces the whole configuration with APF's queues.conf (and factory.conf).</summary>
    public async Task<PushResult> PushApfAsync(string queuesConf, string? factoryConf = null, long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        var revision = expectedRevision ?? await CurrentRevisionAsync(cancellationToken);
        var form = new MultipartFormDataContent
        {
            { new StringContent(queuesConf, Encoding.UTF8), "queues", "queues.conf" },
        };
        if (factoryConf is not null) form.Add(new StringContent(factoryConf, Encoding.UTF8), "factory", "factory.conf");
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/import/apf?revision={revision.ToString(CultureInfo.InvariantCulture)}") { Content = form };
        return await ReadAsync<PushResult>(request, cancellationToken);
    }

    /// <summary>Checks a YAML configuration without saving it.</summary>
    public Task<ValidationResult> ValidateAsync(string yaml, CancellationToken cancellationToken = default) =>
        ReadAsync<ValidationResult>(new HttpRequestMessage(HttpMethod.Post, "api/validate") { Content = new StringContent(yaml, Encoding.UTF8, Yaml) }, cancellationToken);

    public Task<List<QueueSummary>> ListQueuesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<List<QueueSummary>>(new HttpRequestMessage(HttpMethod.Get, "api/queues"), cancellationToken);

    private async Task<long> CurrentRevisionAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/export"), cancellationToken);
        return RevisionOf(response);
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
               ?? throw new ConfigServiceException(response.StatusCode, "the service answered with an empty body", []);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is not null) request.Headers.Add(ApiKeyHeader, apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await FailureAsync(response, cancellationToken);
    }

    private static async Task<ConfigServiceException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var problem = JsonSerializer.Deserialize<Problem>(body, Json);
            var message = string.Join(": ", new[] { problem?.Title, problem?.Detail }.Where(s => !string.IsNullOrEmpty(s)));
            return new ConfigServiceException(response.StatusCode, message.Length > 0 ? message : $"HTTP {(int)response.StatusCode}", problem?.Errors ?? []);
        }
        catch (JsonException)
        {
            return new ConfigServiceException(response.StatusCode, $"HTTP {(int)response.StatusCode}: {body}", []);
        }
    }

    private static long RevisionOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RevisionHeader, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new ConfigServiceException(response.StatusCode, $"the service sent no {RevisionHeader} header", []);

    private sealed record Problem(string? Title, string? Detail, List<ConfigError>? Errors);
}
