using System.Net;
using System.Net.Sockets;
using Apf.HealthProbe;
using Apf.ServiceDefaults;

namespace Apf.ServiceDefaults.Tests;

/// <summary>The container probe against a real service: the image HEALTHCHECK is only as good as this answer.</summary>
public sealed class HealthProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Healthy_service_probes_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>(), ct);

        var result = await HealthProbe.HealthProbe.ProbeAsync(new Uri(service.BaseAddress, DefaultEndpoints.HealthPath), Timeout, ct);

        Assert.Equal(HealthProbe.HealthProbe.Healthy, result);
    }

    [Fact]
    public async Task Unready_service_probes_unhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ConnectionNames.ApfConfig}"] = "mongodb://127.0.0.1:1/apfconfig",
        }, ct);

        var result = await HealthProbe.HealthProbe.ProbeAsync(new Uri(service.BaseAddress, DefaultEndpoints.HealthPath), Timeout, ct);

        Assert.Equal(HealthProbe.HealthProbe.Unhealthy, result);
    }

    [Fact]
    public async Task Nothing_listening_probes_unhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        // Take a free port and release it: nothing listens there afterwards.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await HealthProbe.HealthProbe.ProbeAsync(new Uri($"http://127.0.0.1:{port}/health"), Timeout, ct);

        Assert.Equal(HealthProbe.HealthProbe.Unhealthy, result);
    }
}
