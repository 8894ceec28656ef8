using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Apf.ServiceDefaults;

/// <summary>The one line every Apf service calls: <c>builder.AddServiceDefaults()</c>.</summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retries, timeouts and a circuit breaker for every HttpClient (e.g. services calling the config API),
            // and "http://config" style names resolved from Services__config__http__0 (set by the AppHost or compose).
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }
}
