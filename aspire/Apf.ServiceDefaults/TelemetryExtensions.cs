using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Apf.ServiceDefaults;

/// <summary>Traces, metrics and logs of one service, exported over OTLP when a collector is named.</summary>
public static class TelemetryExtensions
{
    /// <summary>The activity source and meter MassTransit 8 publishes under.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>The activity source and meter Apf's own code publishes under (cycles, decisions, submissions).</summary>
    public const string ApfSource = "Apf";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry();

        // OTEL_SERVICE_NAME (set by the AppHost and compose) wins; the assembly name is the fallback.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
            telemetry.ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));

        telemetry
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource, ApfSource))
            .WithTracing(tracing => tracing
                .AddSource(MassTransitSource, ApfSource)
                // Probes hit /health and /alive every few seconds; their spans would drown the real ones.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (OtlpExport.IsEnabled(builder.Configuration))
            telemetry.UseOtlpExporter();

        return builder;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(DefaultEndpoints.HealthPath) || path.StartsWithSegments(DefaultEndpoints.AlivePath);
}
