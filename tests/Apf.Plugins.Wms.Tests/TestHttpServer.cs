using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apf.Plugins.Wms.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering with the test's handler.</summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public List<HttpRequestRecord> Requests { get; } = [];

    private TestHttpServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<TestHttpServer> StartAsync(Func<HttpContext, Task> handler, X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (serverCertificate is null) return;
            listen.UseHttps(https =>
            {
                https.ServerCertificate = serverCertificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            });
        }));
        var app = builder.Build();
        var server = new TestHttpServer(app);
        app.Run(async context =>
        {
            lock (server.Requests)
            {
                server.Requests.Add(new HttpRequestRecord(
                    context.Request.Path + context.Request.QueryString,
                    context.Request.Headers.Authorization.ToString(),
                    context.Request.Headers.Origin.ToString(),
                    context.Connection.ClientCertificate?.Subject));
            }
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        server.BaseUri = new Uri($"{(serverCertificate is null ? "http" : "https")}://{(serverCertificate is null ? "127.0.0.1" : "localhost")}:{port}/");
        return server;
    }

    public static Func<HttpContext, Task> Json(string body, int status = 200) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record HttpRequestRecord(string PathAndQuery, string Authorization, string Origin, string? ClientCertificateSubject);
