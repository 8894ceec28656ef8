using Microsoft.Extensions.Configuration;

namespace Apf.ServiceDefaults;

/// <summary>When to export telemetry over OTLP.</summary>
public static class OtlpExport
{
    /// <summary>The standard OpenTelemetry variable naming the collector (the Aspire dashboard in compose and in the AppHost).</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Only when an endpoint is configured: without one the exporter would retry against localhost:4317 forever,
    /// filling logs with connection errors on every developer machine and in CI.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointKey]);
}
