namespace Apf.ServiceDefaults;

/// <summary>Tags that sort health checks into liveness and readiness.</summary>
public static class HealthTags
{
    /// <summary>The process is up; a failing live check means "restart me".</summary>
    public const string Live = "live";

    /// <summary>The process can do its job (broker, database); MassTransit tags its bus check "ready" too.</summary>
    public const string Ready = "ready";
}
