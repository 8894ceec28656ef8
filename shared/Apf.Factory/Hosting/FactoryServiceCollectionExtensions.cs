using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Factory.Pilots;
using Apf.Factory.Scheduling;
using Apf.Factory.Status;
using Apf.Factory.Submitting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Apf.Factory.Hosting;

/// <summary>
/// One implementation, several compositions: the same consumers and workers make up the all-in-one
/// factory (every role, in-memory bus) and each service container (one role, RabbitMQ).
/// </summary>
public static class FactoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the given roles and the bus. The host must also register a <see cref="PluginCatalog"/> and an
    /// <see cref="Configuration.IFactoryConfigProvider"/>.
    /// </summary>
    public static IServiceCollection AddApfFactory(this IServiceCollection services, FactoryRoles roles, BusOptions bus)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FactoryConfigBuilder(sp.GetRequiredService<PluginCatalog>(), sp));
        services.TryAddSingleton<FactoryProgress>();
        services.TryAddSingleton<PilotTracker>();

        if (roles.HasFlag(FactoryRoles.WmsStatus)) AddWorker<WmsStatusPoller>(services);
        if (roles.HasFlag(FactoryRoles.BatchStatus)) AddWorker<BatchStatusPoller>(services);
        if (roles.HasFlag(FactoryRoles.Scheduler))
        {
            services.TryAddSingleton<StatusCache>();
            services.TryAddSingleton<InFlightLedger>();
            services.TryAddSingleton<QueueCycle>();
            // Only a durable broker can hold commands of an earlier Scheduler (see RestartGuard).
            services.TryAddSingleton(sp => new RestartGuard(bus.Transport == BusTransport.RabbitMq, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
            AddWorker<SchedulerLoop>(services);
        }
        if (roles.HasFlag(FactoryRoles.Submitter))
        {
            services.TryAddSingleton<SubmitLedgerProvider>();
            services.TryAddSingleton<PilotWrapperOptions>();
            services.TryAddSingleton<PilotRequestBuilder>();
        }

        services.AddReceiveEndpointObserver<EndpointStateLogger>();
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(bus.EndpointPrefix, false));
            if (roles.HasFlag(FactoryRoles.Scheduler))
            {
                x.AddConsumer<WmsStatusObservedConsumer>();
                x.AddConsumer<BatchStatusObservedConsumer>();
                x.AddConsumer<PilotsSubmittedConsumer>();
            }
            if (roles.HasFlag(FactoryRoles.Submitter))
            {
                x.AddConsumer<SubmitPilotsConsumer>();
                x.AddConsumer<RetirePilotsConsumer>();
            }
            if (roles.HasFlag(FactoryRoles.Observer))
            {
                // Every observer (console, each monitor replica) must see every event: a queue of its own,
                // deleted when it goes, instead of one queue its replicas would share out.
                var instance = NewId.Next().ToString("N")[..12];
                void Own(IConsumerRegistrationConfigurator c) => c.Endpoint(e => { e.InstanceId = instance; e.Temporary = true; });
                Own(x.AddConsumer<QueueDecidedConsumer>());
                Own(x.AddConsumer<SubmissionProgressConsumer>());
                Own(x.AddConsumer<PilotEventConsumer>());
            }
            if ((roles & ~FactoryRoles.Observer) != 0) Configuration.ConfigChangedConsumer.AddTo(x);
            // Transient faults (a busy disk, a broker hiccup) are retried; what still fails goes to the _error queue.
            x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Intervals(200, 1000, 5000)));
            if (bus.Transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(bus.RabbitMqUri!), h =>
                    {
                        // A publish returns only once the broker has the message: a command is never lost in a socket buffer.
                        h.PublisherConfirmation = true;
                        h.Heartbeat(TimeSpan.FromSeconds(10));
                    });
                    // Queues and exchanges are durable (MassTransit's default) so commands survive a broker restart;
                    // a small prefetch spreads submit commands over the Submitters and limits what one crash redelivers.
                    cfg.PrefetchCount = bus.PrefetchCount;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return services;
    }

    private static void AddWorker<T>(IServiceCollection services) where T : class, Microsoft.Extensions.Hosting.IHostedService
    {
        services.TryAddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
