using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;
using Apf.Factory.Configuration;
using Apf.Monitoring.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Apf.Monitoring.Tests;

/// <summary>In the all-in-one factory the monitor also knows the configuration: queues show before their first cycle.</summary>
public class ConfiguredQueuesTests
{
    private const string Yaml = """
        factory:
          factoryId: demo
          workDir: /tmp
        defaults:
          wmsstatusplugin: Idle
          batchstatusplugin: Idle
          batchsubmitplugin: Idle
          schedplugin: Nothing
        queues:
          analysis:
            wmsqueue: analysis
          production:
            wmsqueue: production
          retired:
            wmsqueue: retired
            enabled: false
        """;

    [Fact]
    public async Task Enabled_queues_without_a_decision_are_listed_as_waiting()
    {
        var catalog = new PluginCatalog()
            .AddWmsStatus("Idle", _ => new Idle())
            .AddBatchStatus("Idle", _ => new Idle())
            .AddBatchSubmit("Idle", _ => new Idle())
            .AddScheduler("Nothing", _ => new Nothing());
        var config = new FactoryConfigBuilder(catalog, new ServiceCollection().BuildServiceProvider())
            .Build(YamlConfigReader.Read(Yaml, "test.yaml"), 1);
        Assert.Empty(config.AllErrors);
        await using var host = await MonitorHost.StartAsync(services: s => s.AddSingleton<IFactoryConfigProvider>(new StaticConfigProvider(config)));
        await host.DecideAsync(MonitorHost.Decision("analysis", 1, ready: 3, pending: 1, running: 1, decision: 2, action: "submit 2"));

        var list = await host.GetAsync<QueueList>("/api/queues");

        Assert.Equal([("analysis", "ok"), ("production", "waiting")], list.Queues.Select(q => (q.Queue, q.Health)));
        Assert.Empty((await host.GetAsync<QueueHistory>("/api/queues/production/history")).Points);
    }

    private sealed class Idle : IWmsStatusPlugin, IBatchStatusPlugin, IBatchSubmitPlugin
    {
        public Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, WmsQueueFigures>>(new Dictionary<string, WmsQueueFigures>());

        public Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, BatchQueueFigures>>(new Dictionary<string, BatchQueueFigures>());

        public Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
        public Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
    }

    private sealed class Nothing : ISchedulerPlugin
    {
        public string Name => "Nothing";
        public SchedulerStep Apply(in SchedulerContext context, int n) => new(0);
        public string Explain(in SchedulerContext context, int n, SchedulerStep step) => "Nothing:ret=0";
    }
}
