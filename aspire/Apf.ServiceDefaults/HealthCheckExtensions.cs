using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Apf.ServiceDefaults;

/// <summary>Liveness and readiness checks shared by every service.</summary>
public static class HealthCheckExtensions
{
    /// <summary>How long a readiness ping may take before the dependency counts as down.</summary>
    internal static TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

        // The broker is covered by MassTransit's own bus check (tagged "ready") once the service adds MassTransit.
        // The configuration store is only a dependency of the services given its connection string.
        var mongo = builder.Configuration.GetConnectionString(ConnectionNames.ApfConfig);
        if (!string.IsNullOrWhiteSpace(mongo))
        {
            var timeout = DependencyTimeout;
            builder.Services.AddSingleton(_ => new MongoPingHealthCheck(mongo, timeout));
            checks.Add(new HealthCheckRegistration(
                "mongodb",
                services => services.GetRequiredService<MongoPingHealthCheck>(),
                HealthStatus.Unhealthy,
                [HealthTags.Ready],
                timeout + TimeSpan.FromSeconds(1)));
        }

        return builder;
    }
}
