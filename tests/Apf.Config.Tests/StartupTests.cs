using Apf.Config.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Apf.Config.Tests;

public class StartupTests
{
    // The host is built here rather than through WebApplicationFactory, whose deferred start can
    // report a failed start as ObjectDisposedException instead of the validation error.
    private static WebApplication Build(Dictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        var values = new Dictionary<string, string?>
        {
            ["Store:Kind"] = "InMemory",
            ["ConfigService:ApiKeys:0:Name"] = "alice",
            ["ConfigService:ApiKeys:0:Key"] = ConfigServiceFactory.AliceKey,
        };
        foreach (var (key, value) in overrides) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseTestServer();
        builder.AddConfigService();
        var app = builder.Build();
        app.MapConfigService();
        return app;
    }

    [Theory]
    [InlineData("ConfigService:ApiKeys:0:Key", "short", "at least 16 characters")]
    [InlineData("ConfigService:ApiKeys:0:Name", "", "Name is required")]
    [InlineData("ConfigService:ApiKeys:1:Name", "ALICE", "appears twice")]
    [InlineData("Store:Kind", "MongoDb", "Store:ConnectionString is required")]
    [InlineData("Bus:Transport", "RabbitMq", "Bus:RabbitMqUri must be an amqp://")]
    [InlineData("Store:Database", "bad name!", "Database")]
    public async Task Bad_settings_stop_the_service_at_start(string key, string value, string expected)
    {
        var overrides = new Dictionary<string, string?> { [key] = value };
        if (key == "ConfigService:ApiKeys:1:Name") overrides["ConfigService:ApiKeys:1:Key"] = ConfigServiceFactory.BobKey;
        // The service's appsettings.json (copied beside the tests) names a local server; take it away.
        if (key == "Store:Kind") overrides["Store:ConnectionString"] = "";
        await using var app = Build(overrides);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Good_settings_start()
    {
        await using var app = Build([]);

        await app.StartAsync(TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
