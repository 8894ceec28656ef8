using System.Net;
using System.Net.Sockets;

namespace Apf.Cli.Embedded;

/// <summary>
/// Checks the monitor's address before anything starts, so a busy port is one clear line instead of a
/// half-started factory and a stack trace.
/// </summary>
internal static class ListenAddress
{
    public static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "expected an http URL such as http://127.0.0.1:8080";
        if (uri.Port == 0) return null;
        var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
        if (address is null) return null; // a host name: let the server resolve it
        try
        {
            var probe = new TcpListener(address, uri.Port);
            probe.Start();
            probe.Stop();
            return null;
        }
        catch (SocketException e)
        {
            return $"cannot listen there ({e.Message}); another factory may be running. Use another port, or http://127.0.0.1:0 for any free one.";
        }
    }
}
