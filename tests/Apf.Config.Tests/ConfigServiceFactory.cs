using Apf.Core.Plugins;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Apf.Config.Tests;

/// <summary>The service in-process, with the in-memory store, test plugins and MassTransit's test harness.</summary>
public sealed class ConfigServiceFactory(Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string AliceKey = "alice-key-0123456789";
    public const string BobKey = "bob-key-9876543210ab";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Store:Kind"] = "InMemory",
                ["ConfigService:ApiKeys:0:Name"] = "alice",
                ["ConfigService:ApiKeys:0:Key"] = AliceKey,
                ["ConfigService:ApiKeys:1:Name"] = "bob",
                ["ConfigService:ApiKeys:1:Key"] = BobKey,
            };
            foreach (var (key, value) in settings ?? []) values[key] = value;
            config.AddInMemoryCollection(values);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<PluginCatalog>(TestPlugins.Catalog());
            services.AddSingleton<TimeProvider>(Clock);
            services.AddMassTransitTestHarness();
        });
    }

    public HttpClient Client(string? key = AliceKey)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
