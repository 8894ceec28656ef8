using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Apf.ServiceDefaults;

/// <summary>The two probe endpoints every service serves.</summary>
public static class DefaultEndpoints
{
    /// <summary>Readiness: every registered check (self, broker, configuration store).</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness: only the checks tagged <see cref="HealthTags.Live"/>.</summary>
    public const string AlivePath = "/alive";

    /// <summary>
    /// Maps /health and /alive in every environment, not only Development: compose and the orchestrators probe them
    /// in production. The answer is the bare status word, so it tells a caller nothing about hosts or secrets.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) });
        return app;
    }
}
