using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Apf.Plugins.Wms.Http;

/// <summary>
/// GETs JSON from a WMS with the configured client certificate, trust anchors, token and timeout,
/// and turns every failure into a <see cref="WmsException"/> that names the URL but no secret.
/// </summary>
public sealed class WmsHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpOptions _options;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly Func<string>? _basicCredentials;

    public WmsHttpClient(HttpOptions options, IReadOnlyDictionary<string, string>? headers = null, Func<string>? basicCredentials = null)
    {
        _options = options;
        _headers = headers ?? new Dictionary<string, string>();
        _basicCredentials = basicCredentials;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        if (options.CertFile is not null) handler.SslOptions.ClientCertificateContext = LoadClientCertificate(options.CertFile, options.KeyFile);
        if (options.CaFile is not null)
        {
            var anchors = LoadAnchors(options.CaFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, anchors);
        }
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in _headers) request.Headers.TryAddWithoutValidation(name, value);
        if (_options.TokenFile is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretFile.Read(_options.TokenFile, "token"));
        else if (_basicCredentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials());

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        var where = Describe(url);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new WmsException($"{where} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            return await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WmsException($"{where} did not answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new WmsException($"{where} could not be reached: {e.HttpRequestError}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Scheme, host, port and path: the query may carry a user's filter, never worth repeating.</summary>
    internal static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static SslStreamCertificateContext LoadClientCertificate(string certFile, string? keyFile)
    {
        var leaf = X509Certificate2.CreateFromPemFile(certFile, keyFile);
        // A grid proxy carries the certificates that issued it; the server needs them to build the chain.
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(certFile);
        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in all)
            if (certificate.Thumbprint != leaf.Thumbprint) intermediates.Add(certificate);
        return SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
    }

    private static X509Certificate2Collection LoadAnchors(string path)
    {
        var anchors = new X509Certificate2Collection();
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".0", StringComparison.Ordinal) || f.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
            : [path];
        foreach (var file in files) anchors.ImportFromPemFile(file);
        return anchors;
    }

    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection anchors)
    {
        if (certificate is null) return false;
        // A wrong host name is never forgiven; only the chain is judged against the configured anchors.
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0) return false;
        if (errors == SslPolicyErrors.None) return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
