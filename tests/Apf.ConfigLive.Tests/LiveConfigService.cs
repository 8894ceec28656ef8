using System.Net;
using Apf.Config.Client;
using Apf.Core.Plugins;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apf.ConfigLive.Tests;

/// <summary>
/// The real config service on Kestrel at 127.0.0.1 (a free port), with the in-memory store. Once
/// <see cref="FactoryBus"/> is set, its ConfigChanged events are published on the factory's bus, as when
/// both share one RabbitMQ; until then they go to the service's own in-memory bus, where no factory listens.
/// </summary>
public sealed class LiveConfigService : WebApplicationFactory<Program>
{
    public const string AliceKey = "alice-key-0123456789";
    private readonly PluginCatalog _catalog;

    public LiveConfigService(PluginCatalog catalog)
    {
        _catalog = catalog;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Url = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    public Uri Url { get; }

    /// <summary>The factory's bus (set after the factory is built, since the factory needs <see cref="Url"/> first).</summary>
    public IBus? FactoryBus { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Kind"] = "InMemory",
            ["ConfigService:ApiKeys:0:Name"] = "alice",
            ["ConfigService:ApiKeys:0:Key"] = AliceKey,
        }));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_catalog);
            services.AddScoped<IPublishEndpoint>(sp => FactoryBus ?? (IPublishEndpoint)sp.GetRequiredService<IBus>());
        });
    }

    public ConfigServiceClient Client(HttpClient http) => new(http, AliceKey);

    public HttpClient Http() => new() { BaseAddress = Url };
}
