using Apf.Core.Configuration;

namespace Apf.Plugins.Wms.Http;

/// <summary>
/// How a WMS plugin reaches an HTTP API: timeout, X.509 client certificate (or a grid proxy holding
/// certificate and key), trust anchors for servers signed by a grid CA, and a bearer token read from
/// a file. Secrets stay in files: Apf holds only their paths.
/// </summary>
public sealed record HttpOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>PEM certificate (or proxy: certificate, key and chain in one file).</summary>
    public string? CertFile { get; init; }
    /// <summary>PEM private key; null: the key is in <see cref="CertFile"/> (a proxy).</summary>
    public string? KeyFile { get; init; }
    /// <summary>PEM bundle, or a folder of PEM files (/etc/grid-security/certificates), trusted for the server.</summary>
    public string? CaFile { get; init; }
    /// <summary>A file holding a bearer token, read at every request (tokens are renewed in place).</summary>
    public string? TokenFile { get; init; }

    public static HttpOptions Read(SettingsReader s, string prefix)
    {
        var options = new HttpOptions
        {
            Timeout = s.Seconds(prefix + "timeout", TimeSpan.FromSeconds(30), min: TimeSpan.FromMilliseconds(100)),
            CertFile = ExistingPath(s, prefix + "certfile"),
            KeyFile = ExistingPath(s, prefix + "keyfile"),
            CaFile = ExistingPath(s, prefix + "cafile", folderAllowed: true),
            TokenFile = ExistingPath(s, prefix + "tokenfile"),
        };
        if (options.KeyFile is not null && options.CertFile is null)
            s.Error(prefix + "keyfile", $"needs {prefix}certfile");
        return options;
    }

    /// <summary>An absolute http(s) URL without credentials in it (those belong in files, never in configuration).</summary>
    public static string? ReadUrl(SettingsReader s, string key, string? @default = null, bool required = true)
    {
        var value = s.String(key, @default)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) s.Error(key, "is required but not set");
            return null;
        }
        var probe = value.Replace("{queue}", "q", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            s.Error(key, $"expected an absolute http or https URL, got '{value}'");
            return null;
        }
        if (uri.UserInfo.Length > 0)
        {
            s.Error(key, "must not hold credentials; use the tokenfile or passwordfile key");
            return null;
        }
        return value;
    }

    private static string? ExistingPath(SettingsReader s, string key, bool folderAllowed = false)
    {
        var value = s.String(key)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (File.Exists(value) || (folderAllowed && Directory.Exists(value))) return value;
        s.Error(key, $"'{value}' does not exist");
        return null;
    }
}
