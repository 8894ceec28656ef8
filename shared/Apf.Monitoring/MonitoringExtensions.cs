using Apf.Monitoring.Api;
using Apf.Monitoring.Live;
using Apf.Monitoring.Metrics;
using Apf.Monitoring.Pages;
using Apf.Monitoring.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Apf.Monitoring;

/// <summary>
/// The monitor in two lines for any host that runs the Observer role (the all-in-one factory, the Monitor service):
/// <c>services.AddApfMonitoring()</c> and <c>app.MapApfMonitor()</c>.
/// </summary>
public static class MonitoringExtensions
{
    /// <summary>
    /// Registers the monitor's state, live updates, metrics (Prometheus and, when an endpoint is set, OTLP) and
    /// traces. Call it beside <c>AddApfFactory(...)</c> with a role set that includes <c>Observer</c>.
    /// </summary>
    public static IServiceCollection AddApfMonitoring(this IServiceCollection services, Action<MonitorOptions>? configure = null)
    {
        var options = new MonitorOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new MonitorState(
            sp.GetRequiredService<Factory.Hosting.FactoryProgress>(),
            sp.GetRequiredService<Factory.Pilots.PilotTracker>(),
            sp.GetRequiredService<TimeProvider>(),
            options,
            sp.GetService<Factory.Configuration.IFactoryConfigProvider>()));
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<MonitorMetrics>();
        services.AddSingleton<LostPilotWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<LostPilotWatcher>());
        services.AddMetrics();

        var otlp = options.OtlpEndpoint ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("apf"))
            .WithMetrics(m =>
            {
                m.AddMeter(MonitorMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Every scrape reads the current state (no cached answer between two scrapes).
                    .AddPrometheusExporter(p => p.ScrapeResponseCacheDurationMilliseconds = 0);
                if (!string.IsNullOrWhiteSpace(otlp)) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Traces: HTTP requests (pilot reports, pages) and MassTransit's message handling.
            telemetry.WithTracing(t => t
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return services;
    }

    /// <summary>
    /// Maps the pages (<c>/</c>, <c>/queues/{name}</c>), the JSON API (<c>/api/queues</c>, <c>/api/pilots</c>, ...),
    /// the live stream (<c>/api/events</c>) and <c>/metrics</c>. Pilot reports (<c>POST /api/pilots/events</c>) stay
    /// with <c>MapPilotEvents()</c>.
    /// </summary>
    public static WebApplication MapApfMonitor(this WebApplication app)
    {
        // Created now, so they see every event from the first one on.
        app.Services.GetRequiredService<MonitorState>();
        app.Services.GetRequiredService<LiveUpdates>();
        app.Services.GetRequiredService<MonitorMetrics>();
        PageEndpoints.Map(app);
        MonitorApi.Map(app);
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
