using System.Diagnostics;
using System.Diagnostics.Metrics;
using Apf.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Apf.ServiceDefaults.Tests;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Without_endpoint_no_otlp_exporter_is_registered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>(), ct);

        Assert.False(OtlpExport.IsEnabled(service.App.Configuration));
        Assert.DoesNotContain(RegisteredTypeNames(service), name => name.Contains("Otlp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_endpoint_masstransit_traces_and_metrics_reach_the_collector()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var collector = await OtlpReceiver.StartAsync(ct);
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [OtlpExport.EndpointKey] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "apf-defaults-test",
        }, ct);

        Assert.Contains(RegisteredTypeNames(service), name => name.Contains("Otlp", StringComparison.Ordinal));

        // What MassTransit does on every send and consume: a span from its source, a measurement on its meter.
        using (var source = new ActivitySource(TelemetryExtensions.MassTransitSource))
        using (var activity = source.StartActivity("apf.submit send"))
        {
            Assert.NotNull(activity); // null would mean no listener: the source is not traced
        }
        using var meter = new Meter(TelemetryExtensions.MassTransitSource);
        meter.CreateCounter<long>("messaging.masstransit.send").Add(1);

        Assert.True(service.App.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(service.App.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        Assert.True(collector.Received("traces", "apf.submit send"), "the MassTransit span was not exported");
        Assert.True(collector.Received("traces", "apf-defaults-test"), "the service name was not exported");
        Assert.True(collector.Received("metrics", "messaging.masstransit.send"), "the MassTransit meter was not exported");
    }

    private static List<string> RegisteredTypeNames(TestService service) =>
        service.Registrations
            .SelectMany(d => new[] { d.ServiceType.FullName, d.ImplementationType?.FullName })
            .OfType<string>()
            .ToList();
}
