using Aspire.Hosting.ApplicationModel;

/// <summary>The wiring every factory service shares, so AppHost.cs reads as the system diagram.</summary>
internal static class ApfWiring
{
    /// <summary>
    /// A service project with one HTTP endpoint of its own (/health, /alive, its API or pages), whatever its
    /// launchSettings.json says: worker services have no launch profile, and a profile's fixed port would clash
    /// between replicas. Aspire gives each replica a port and sets ASPNETCORE_URLS.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint();

    /// <summary>
    /// On the bus: the broker's connection string, the transport switch, and a start only once the broker answers
    /// (a service that starts first would crash-loop on its bus health check).
    /// </summary>
    public static IResourceBuilder<ProjectResource> OnTheBus(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<RabbitMQServerResource> messaging) =>
        service
            .WithReference(messaging)
            .WaitFor(messaging)
            .WithEnvironment("Apf__Transport", "RabbitMq");

    /// <summary>Reads its queues from the config service (service discovery: http://config), once that service is healthy.</summary>
    public static IResourceBuilder<ProjectResource> ConfiguredBy(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> config) =>
        service
            .WithReference(config)
            .WaitFor(config);

    /// <summary>Readiness as the services define it (Apf.ServiceDefaults maps /health with broker and database checks).</summary>
    public static IResourceBuilder<ProjectResource> Probed(this IResourceBuilder<ProjectResource> service) =>
        service.WithHttpHealthCheck("/health");
}
