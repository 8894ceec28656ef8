using System.Net;
using Apf.ServiceDefaults;

namespace Apf.ServiceDefaults.Tests;

public sealed class HealthEndpointTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(DefaultEndpoints.HealthPath)]
    [InlineData(DefaultEndpoints.AlivePath)]
    public async Task Probe_endpoints_answer_healthy(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>(), ct);

        using var response = await Http.GetAsync(new Uri(service.BaseAddress, path), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Unreachable_config_store_fails_readiness_but_not_liveness()
    {
        var ct = TestContext.Current.CancellationToken;
        // Port 1 on loopback: nothing listens there, so the ping cannot succeed.
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ConnectionNames.ApfConfig}"] = "mongodb://127.0.0.1:1/apfconfig",
        }, ct);

        using var health = await Http.GetAsync(new Uri(service.BaseAddress, DefaultEndpoints.HealthPath), ct);
        using var alive = await Http.GetAsync(new Uri(service.BaseAddress, DefaultEndpoints.AlivePath), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Reachable_config_store_is_ready()
    {
        var mongo = Environment.GetEnvironmentVariable("APF_TEST_MONGO");
        if (string.IsNullOrWhiteSpace(mongo))
            Assert.Skip("No MongoDB server here: set APF_TEST_MONGO=mongodb://host:27017/apfconfig to run this test.");

        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ConnectionNames.ApfConfig}"] = mongo,
        }, ct);

        using var health = await Http.GetAsync(new Uri(service.BaseAddress, DefaultEndpoints.HealthPath), ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
