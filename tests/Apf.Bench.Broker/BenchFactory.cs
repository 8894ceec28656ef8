using Apf.Core.Configuration;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Scheduling;
using Apf.Plugins.All;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Bench.Broker;

/// <summary>Builds hosts of one factory role on the broker, the same composition the services use.</summary>
internal sealed class BenchFactory(Uri broker, string workDirectory)
{
    public const string FactoryId = "bench";
    public const string Queue = "q1";
    public const string Prefix = "apf-bench";

    public string Yaml => $"""
        factory:
          factoryId: {FactoryId}
          workDir: {workDirectory}
        defaults:
          wmsstatusplugin: DirectoryQueue
          wmsstatus.directoryqueue.root: {Path.Combine(workDirectory, "wms")}
          batchstatusplugin: LocalProcess
          batchsubmitplugin: {NullBatch.Name}
          executable: /bin/true
          schedplugin: Ready
          apfqueue.sleep: 0.1
          apfqueue.maxage: 600
        queues:
          {Queue}:
            wmsqueue: jobs
        """ + "\n";

    public IHost Build(FactoryRoles roles)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        var catalog = PluginCatalogs.Default().AddBatchSubmit(NullBatch.Name, _ => new NullBatch());
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<IFactoryConfigProvider>(sp =>
            new StaticConfigProvider(sp.GetRequiredService<FactoryConfigBuilder>().Build(YamlConfigReader.Read(Yaml, "bench.yaml"), 1)));
        // Steady state is measured: the restart guard's wait belongs to a Scheduler's first minutes only.
        builder.Services.AddSingleton(new RestartGuard(false, DateTimeOffset.UtcNow));
        builder.Services.AddApfFactory(roles, new BusOptions { Transport = BusTransport.RabbitMq, RabbitMqUri = broker.ToString(), EndpointPrefix = Prefix });
        // Start means connected and consuming: the timings begin at a bus that is really there.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder.Build();
    }

    /// <summary>A separate bus for the bench's own publishing and observing.</summary>
    public IBusControl ObserverBus(Action<IRabbitMqReceiveEndpointConfigurator> endpoint) =>
        MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker);
            cfg.ReceiveEndpoint($"{Prefix}-observer-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.PrefetchCount = 64;
                endpoint(e);
            });
        });
}
