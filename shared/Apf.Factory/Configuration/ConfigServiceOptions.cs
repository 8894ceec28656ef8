namespace Apf.Factory.Configuration;

/// <summary>Where a factory reads its configuration from the config service (settings section <c>Apf:ConfigService</c>).</summary>
public sealed class ConfigServiceOptions
{
    public const string Section = "Apf:ConfigService";

    /// <summary>The config service's base URL, e.g. http://apf-config:5080/.</summary>
    public Uri? Url { get; set; }

    /// <summary>Only needed when the service requires a key for reads (<c>ConfigService:RequireKeyForReads</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the key (a mounted secret); read at start, used when <see cref="ApiKey"/> is not set.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>
    /// The safety net behind ConfigChanged: the configuration is also fetched this often, so a lost event
    /// (broker restart, service that could not publish) delays a change by at most this long.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one fetch may take before it counts as "service unreachable".</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Optional local copy of the last good configuration. A factory that starts while the service is down
    /// runs from it instead of running no queue at all.
    /// </summary>
    public string? CacheFile { get; set; }
}
