using System.Globalization;
using Apf.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Configuration;

/// <summary>
/// The factory's configuration as the config service holds it. The version in force is the service's
/// revision, so every QueueDecided names the revision it was decided under. The service being down, or
/// sending a configuration the factory cannot use, never stops the factory: the last good configuration
/// stays in force until a usable one arrives.
/// </summary>
public sealed class ConfigServiceConfigProvider : IFactoryConfigProvider
{
    public const string RevisionHeader = "X-Apf-Revision";
    private const string ApiKeyHeader = "X-Api-Key";

    private readonly Func<HttpClient> _http;
    private readonly FactoryConfigBuilder _builder;
    private readonly ConfigServiceOptions _options;
    private readonly ILogger<ConfigServiceConfigProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FactoryConfig _current;
    private string? _lastText;
    private long _lastRevision = -1;
    private bool _answered;

    public ConfigServiceConfigProvider(Func<HttpClient> http, FactoryConfigBuilder builder, ConfigServiceOptions options, ILogger<ConfigServiceConfigProvider> logger)
    {
        _http = http;
        _builder = builder;
        _options = options;
        _logger = logger;
        _current = Nothing(options.Url);
    }

    public FactoryConfig Current => Volatile.Read(ref _current);

    /// <summary>True once a configuration from the service (or its cache file) is in force.</summary>
    public bool HasConfiguration => Current.Version > 0;

    /// <summary>True once the service has answered (a configuration from the cache file alone does not count).</summary>
    public bool HasAnswered => Volatile.Read(ref _answered);

    public event Action<FactoryConfig>? Changed;

    /// <summary>
    /// Fetches the configuration; returns true when a new one was put in force. Never throws for an
    /// unreachable service or a bad configuration: both are logged and the last good one is kept.
    /// </summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        FactoryConfig? applied;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            if (fetched is null) return false;
            Volatile.Write(ref _answered, true);
            applied = Apply(fetched.Value.Yaml, fetched.Value.Revision, Source(fetched.Value.Revision));
            if (applied is not null) await SaveCacheAsync(fetched.Value.Yaml, fetched.Value.Revision, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        if (applied is null) return false;
        Changed?.Invoke(applied);
        return true;
    }

    /// <summary>A ConfigChanged arrived: fetch unless that revision (or a newer one) is already in force.</summary>
    public Task<bool> OnConfigChangedAsync(long revision, CancellationToken cancellationToken) =>
        revision <= Volatile.Read(ref _lastRevision) ? Task.FromResult(false) : ReloadAsync(cancellationToken);

    /// <summary>At start, when the service cannot be reached: run from the cached copy, if there is one.</summary>
    public bool LoadCache()
    {
        if (_options.CacheFile is not { } path || !File.Exists(path) || HasConfiguration) return false;
        FactoryConfig? applied;
        try
        {
            var text = File.ReadAllText(path);
            var revision = CachedRevision(text);
            if (revision > 0) text = text[(text.IndexOf('\n') + 1)..];
            _gate.Wait();
            try
            {
                applied = Apply(text, revision, $"{path} (copy of revision {revision})");
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Cached configuration {Path} could not be read: {Reason}", path, e.Message);
            return false;
        }
        if (applied is null) return false;
        _logger.LogWarning("Config service unreachable at start; running from the cached copy {Path} (revision {Revision})", path, applied.Version);
        Changed?.Invoke(applied);
        return true;
    }

    private async Task<(string Yaml, long Revision)?> FetchAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, "api/export"));
            if (_options.ApiKey is { Length: > 0 } key) request.Headers.Add(ApiKeyHeader, key);
            using var response = await _http().SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogWarning("Config service {Url} answered {Status}; keeping configuration version {Version}",
                    BaseUrl, (int)response.StatusCode, Current.Version);
                return null;
            }
            var revision = response.Headers.TryGetValues(RevisionHeader, out var values)
                           && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
                ? r
                : -1;
            if (revision < 0)
            {
                _logger.LogWarning("Config service {Url} sent no {Header} header; keeping configuration version {Version}", BaseUrl, RevisionHeader, Current.Version);
                return null;
            }
            return (await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false), revision);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.LogWarning("Config service {Url} unreachable ({Reason}); keeping configuration version {Version}",
                BaseUrl, e is OperationCanceledException ? $"no answer in {_options.RequestTimeout.TotalSeconds:0.#} s" : e.Message, Current.Version);
            return null;
        }
    }

    // Called under _gate. Returns the configuration put in force, or null when nothing changed or it was refused.
    private FactoryConfig? Apply(string yaml, long revision, string source)
    {
        if (revision == _lastRevision && yaml == _lastText) return null;
        var candidate = _builder.Build(YamlConfigReader.Read(yaml, source), revision);
        _lastRevision = Math.Max(_lastRevision, revision);
        _lastText = yaml;
        if (!candidate.IsUsable)
        {
            foreach (var error in candidate.Errors) _logger.LogError("Configuration revision {Revision} rejected: {Error}", revision, error.ToString());
            _logger.LogError("Keeping the last good configuration (version {Version})", Current.Version);
            return null;
        }
        // A service restarted on an empty in-memory store counts from 1 again; its content still wins, as it is what the service holds.
        if (revision < Current.Version)
            _logger.LogWarning("Config service revision went back from {Old} to {New} (service store reset?)", Current.Version, revision);
        foreach (var queue in candidate.InvalidQueues)
            _logger.LogError("Queue {Queue} disabled until fixed: {Errors}", queue.Name, string.Join("; ", queue.Errors.Select(e => e.ToString())));
        Volatile.Write(ref _current, candidate);
        _logger.LogInformation("Configuration from {Url} in force: revision {Revision}, {Queues} queue(s)", BaseUrl, revision, candidate.Queues.Count);
        return candidate;
    }

    private async Task SaveCacheAsync(string yaml, long revision, CancellationToken cancellationToken)
    {
        if (_options.CacheFile is not { } path) return;
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + ".tmp";
            // Written aside and moved, so a crash never leaves half a configuration to start from.
            await File.WriteAllTextAsync(temp, $"{CacheHeader}{revision.ToString(CultureInfo.InvariantCulture)}\n{yaml}", cancellationToken).ConfigureAwait(false);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not write the cached configuration {Path}: {Reason}", path, e.Message);
        }
    }

    private const string CacheHeader = "# apf config service revision ";

    private static long CachedRevision(string text) =>
        text.StartsWith(CacheHeader, StringComparison.Ordinal)
        && long.TryParse(text.AsSpan(CacheHeader.Length, text.IndexOf('\n') - CacheHeader.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    private Uri BaseUrl => _options.Url ?? throw new InvalidOperationException($"{ConfigServiceOptions.Section}:Url is not set");

    private string Source(long revision) => $"{BaseUrl}api/export (revision {revision})";

    // Until the first configuration arrives the factory knows no queue, so it submits nothing.
    private static FactoryConfig Nothing(Uri? url) => new()
    {
        Source = url?.ToString() ?? "config service",
        Version = 0,
        Factory = new FactorySettings { FactoryId = "", WorkDirectory = Directory.GetCurrentDirectory(), BaseLogDirectory = Directory.GetCurrentDirectory() },
    };
}
