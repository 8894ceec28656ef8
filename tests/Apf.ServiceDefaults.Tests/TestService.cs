using Apf.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Apf.ServiceDefaults.Tests;

/// <summary>A real Kestrel service on 127.0.0.1 with a free port, built the way every Apf service is.</summary>
internal sealed class TestService : IAsyncDisposable
{
    private TestService(WebApplication app, Uri baseAddress, IReadOnlyList<ServiceDescriptor> registrations)
    {
        App = app;
        BaseAddress = baseAddress;
        Registrations = registrations;
    }

    public WebApplication App { get; }

    /// <summary>What AddServiceDefaults put in the container, as registered (before the provider was built).</summary>
    public IReadOnlyList<ServiceDescriptor> Registrations { get; }
    public Uri BaseAddress { get; }

    /// <summary>
    /// <paramref name="settings"/> override the process environment: CI may export OTEL_* or connection strings
    /// of its own, and each test must see only what it states.
    /// </summary>
    public static async Task<TestService> StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OtlpExport.EndpointKey] = "",
            [$"ConnectionStrings:{ConnectionNames.ApfConfig}"] = "",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.AddServiceDefaults();

        var registrations = builder.Services.ToList();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestService(app, new Uri(address), registrations);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
