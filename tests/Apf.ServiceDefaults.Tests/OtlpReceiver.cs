using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apf.ServiceDefaults.Tests;

/// <summary>A stand-in collector: accepts OTLP/HTTP posts and keeps their raw protobuf bodies by path.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }
    public ConcurrentDictionary<string, ConcurrentBag<byte[]>> Posts { get; } = new();

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OtlpReceiver? receiver = null;
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver!.Posts.GetOrAdd(signal, _ => []).Add(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver = new OtlpReceiver(app, new Uri(address));
        return receiver;
    }

    public bool Received(string signal, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Posts.TryGetValue(signal, out var bodies) && bodies.Any(body => body.AsSpan().IndexOf(needle) >= 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
