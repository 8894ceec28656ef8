using System.Net;
using Apf.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Apf.ServiceDefaults.Tests;

/// <summary>
/// Readiness includes the broker: a service adds MassTransit the usual way, with the broker from
/// ConnectionStrings:messaging, and its bus health check (tagged "ready") decides /health.
/// </summary>
public sealed class BrokerReadinessTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Unreachable_broker_fails_readiness_but_not_liveness()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ConnectionNames.Messaging}"] = "amqp://guest:guest@127.0.0.1:1/",
        }, ct, AddRabbitMqBus);

        using var health = await Http.GetAsync(new Uri(service.BaseAddress, DefaultEndpoints.HealthPath), ct);
        using var alive = await Http.GetAsync(new Uri(service.BaseAddress, DefaultEndpoints.AlivePath), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Reachable_broker_makes_the_service_ready()
    {
        var broker = Environment.GetEnvironmentVariable("APF_TEST_RABBITMQ");
        if (string.IsNullOrWhiteSpace(broker))
            Assert.Skip("No broker given: set APF_TEST_RABBITMQ=amqp://guest:guest@127.0.0.1:5672/ to run this test.");

        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ConnectionNames.Messaging}"] = broker,
        }, ct, AddRabbitMqBus);

        // The bus connects in the background after start: ready within the deadline, or the test fails.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            using var health = await Http.GetAsync(new Uri(service.BaseAddress, DefaultEndpoints.HealthPath), ct);
            status = health.StatusCode;
            if (status == HttpStatusCode.OK) break;
            await Task.Delay(250, ct);
        } while (DateTimeOffset.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static void AddRabbitMqBus(WebApplicationBuilder builder)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString(ConnectionNames.Messaging)!);
        builder.Services.AddMassTransit(bus => bus.UsingRabbitMq((context, rabbit) =>
        {
            rabbit.Host(uri);
            rabbit.ConfigureEndpoints(context);
        }));
    }
}
