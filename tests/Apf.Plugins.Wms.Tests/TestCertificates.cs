using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Apf.Plugins.Wms.Tests;

/// <summary>
/// A throw-away CA signing a "localhost" server certificate, and a client certificate with its key,
/// written as PEM files like a grid host's (cafile, usercert.pem, userkey.pem).
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("apf-wms-certs-").FullName;
    public X509Certificate2 Server { get; }
    public string CaFile => Path.Combine(Folder, "ca.pem");
    public string CertFile => Path.Combine(Folder, "usercert.pem");
    public string KeyFile => Path.Combine(Folder, "userkey.pem");
    public string ProxyFile => Path.Combine(Folder, "proxy.pem");
    public const string ClientSubject = "CN=apf-test-pilot-factory, O=Apf";

    public TestCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Apf Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var serverPublic = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);
        // Kestrel needs the key in a form SslStream accepts on every platform: round-trip through PKCS#12.
        using var serverWithKey = serverPublic.CopyWithPrivateKey(serverKey);
        Server = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), null);

        using var clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest(ClientSubject, clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = clientRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));

        File.WriteAllText(CaFile, ca.ExportCertificatePem());
        File.WriteAllText(CertFile, client.ExportCertificatePem());
        File.WriteAllText(KeyFile, clientKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(ProxyFile, client.ExportCertificatePem() + "\n" + clientKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose()
    {
        Server.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
