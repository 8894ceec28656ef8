using Apf.Config.Api;
using Apf.Config.Editing;
using Apf.Config.Security;
using Apf.Config.Store;
using Apf.Core.Plugins;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Apf.Config.Hosting;

/// <summary>The config service's wiring, so Program.cs stays a list of what the service is.</summary>
public static class ConfigServiceRegistration
{
    /// <summary>
    /// Registers the service. The plugin catalog validates queue content: register the factory's real
    /// <see cref="PluginCatalog"/> before this call; without one every queue is refused (no plugins known).
    /// </summary>
    public static WebApplicationBuilder AddConfigService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConfigServiceOptions>().BindConfiguration(ConfigServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Deployments name their connections the Aspire way (ConnectionStrings:apfconfig, ConnectionStrings:messaging);
        // the Store and Bus sections win when both are given.
        var mongo = builder.Configuration.GetConnectionString("apfconfig");
        var messaging = builder.Configuration.GetConnectionString("messaging");
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section)
            .PostConfigure(o => o.ConnectionString ??= mongo)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section)
            .PostConfigure(o => ApplyMessaging(o, messaging, builder.Configuration))
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new PluginCatalog());
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ConfigValidator>();
        services.AddSingleton<QueueViews>();
        services.AddScoped<ConfigEditor>();
        services.AddSingleton<IConfigStore>(sp =>
        {
            var store = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            if (store.Kind == StoreKind.InMemory) return new InMemoryConfigStore();
            var client = new MongoClient(store.ConnectionString);
            return new MongoConfigStore(client.GetDatabase(store.Database));
        });

        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        ApplyMessaging(bus, messaging, builder.Configuration);
        services.AddMassTransit(x =>
        {
            if (bus.Transport == BusTransport.RabbitMq && Uri.TryCreate(bus.RabbitMqUri, UriKind.Absolute, out var uri))
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(uri);
                    cfg.ConfigureEndpoints(context);
                });
            else
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });

        services.AddOpenApi();
        services.AddHealthChecks();
        services.AddProblemDetails();
        return builder;
    }

    private static void ApplyMessaging(BusOptions bus, string? messaging, IConfiguration configuration)
    {
        if (messaging is null || bus.RabbitMqUri is not null) return;
        bus.RabbitMqUri = messaging;
        if (configuration[$"{BusOptions.Section}:Transport"] is null) bus.Transport = BusTransport.RabbitMq;
    }

    public static WebApplication MapConfigService(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        var api = app.MapGroup("/api");
        api.MapQueueEndpoints();
        api.MapFactoryEndpoints();
        return app;
    }
}
