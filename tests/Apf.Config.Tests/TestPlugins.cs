using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Config.Tests;

/// <summary>
/// Stand-ins for the factory's plugin catalog, under the APF names the test files use. They read
/// and check their keys the way plugins do (through the settings reader) and do nothing else: the
/// config service only needs to know which keys are valid.
/// </summary>
internal static class TestPlugins
{
    public static PluginCatalog Catalog() => new PluginCatalog()
        .AddWmsStatus("Panda", _ => new NoWms())
        .AddBatchStatus("Condor", _ => new NoBatch())
        .AddBatchSubmit("CondorLocal", c =>
        {
            c.Settings.String("batchsubmit.condorlocal.condor_attributes");
            c.Settings.String("batchsubmit.condorlocal.proxy");
            return new NoSubmit();
        })
        .AddScheduler("Ready", c => new Step("Ready", c.Settings.Int("sched.ready.offset", 0, min: 0)))
        .AddScheduler("MaxPerCycle", c => new Step("MaxPerCycle", c.Settings.RequiredInt("sched.maxpercycle.maximum", min: 0)))
        .AddScheduler("MinPerCycle", c => new Step("MinPerCycle", c.Settings.RequiredInt("sched.minpercycle.minimum", min: 0)))
        .AddScheduler("MaxPending", c => new Step("MaxPending", c.Settings.RequiredInt("sched.maxpending.maximum", min: 0)))
        .AddScheduler("Fixed", c => new Step("Fixed", c.Settings.RequiredInt("sched.fixed.pilotspercycle", min: 0)));

    private sealed class Step(string name, int value) : ISchedulerPlugin
    {
        public string Name => name;
        public SchedulerStep Apply(in SchedulerContext context, int n) => new(Math.Min(n, value));
        public string Explain(in SchedulerContext context, int n, SchedulerStep step) => $"{name}:in={n},ret={step.Output}";
    }

    private sealed class NoWms : IWmsStatusPlugin
    {
        public Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken) =>
            throw new NotSupportedException("test stand-in");
    }

    private sealed class NoBatch : IBatchStatusPlugin
    {
        public Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken) =>
            throw new NotSupportedException("test stand-in");
    }

    private sealed class NoSubmit : IBatchSubmitPlugin
    {
        public Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("test stand-in");
        public Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken) => throw new NotSupportedException("test stand-in");
        public Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken) => throw new NotSupportedException("test stand-in");
    }
}

internal static class ApfConfigs
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "apf-configs");
    public static string Queues => Path.Combine(Folder, "queues.conf");
    public static string Factory => Path.Combine(Folder, "factory.conf");
}
