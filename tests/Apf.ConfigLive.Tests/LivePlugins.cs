using Apf.Core.Plugins;
using Apf.Scheduling;
using Apf.Testing.Factory;

namespace Apf.ConfigLive.Tests;

/// <summary>
/// The catalog both sides use: the real scheduler plugins (so MaxPerCycle explains itself as in production)
/// over a test WMS and batch system. The config service validates with the same catalog the factory runs.
/// </summary>
public sealed class LivePlugins
{
    public TestWms Wms { get; } = new();
    public TestBatchSystem Batch { get; } = new();

    public PluginCatalog Catalog() => new PluginCatalog()
        .AddSchedulerPlugins()
        .AddWmsStatus("TestWms", _ => Wms)
        .AddBatchStatus("TestBatch", _ => Batch)
        .AddBatchSubmit("TestBatch", _ => Batch);

    /// <summary>One queue, Ready then MaxPerCycle (maximum 3).</summary>
    public static string Yaml(string workDirectory, int maxPerCycle = 3) => $"""
        factory:
          factoryId: livefactory
          workDir: "{workDirectory}"
        defaults:
          wmsstatusplugin: TestWms
          batchstatusplugin: TestBatch
          batchsubmitplugin: TestBatch
          schedplugin: Ready, MaxPerCycle
          apfqueue.sleep: 60
          apfqueue.maxage: 120
          apfqueue.plugintimeout: 2
        queues:
          qa:
            wmsqueue: work-a
            sched.maxpercycle.maximum: {maxPerCycle}
        """;
}
