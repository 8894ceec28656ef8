using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Scheduling;
using Apf.Factory.Status;
using Apf.Factory.Submitting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Apf.Testing.Factory;

namespace Apf.Factory.Tests;

/// <summary>
/// The real factory composition (every role, in-memory bus) over test plugins, driven step by step on
/// a fake clock: poll status, run a cycle, wait for the messages to settle.
/// </summary>
public sealed class FactoryUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;

    public FakeTimeProvider Time { get; }
    public TestBatchSystem Batch { get; } = new();
    public Dictionary<string, TestWms> Wms { get; } = new() { ["a"] = new TestWms(), ["b"] = new TestWms() };
    public StaticConfigProvider Config { get; }
    public string WorkDirectory { get; }
    public FactoryProgress Progress => _services.GetRequiredService<FactoryProgress>();
    public InFlightLedger Ledger => _services.GetRequiredService<InFlightLedger>();
    public IBus Bus => _bus;

    /// <summary>A part of the composition, for tests that assemble a worker around it.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private FactoryUnderTest(string yaml)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        WorkDirectory = Directory.CreateTempSubdirectory("apf-factory-test-").FullName;
        var catalog = new PluginCatalog()
            .AddWmsStatus("TestWms", c => Wms[c.Settings.String("wmsstatus.testwms.name", "a")!])
            .AddBatchStatus("TestBatch", _ => Batch)
            .AddBatchSubmit("TestBatch", _ => Batch)
            .AddScheduler("ReadyMinusPending", _ => new ReadyMinusPending());
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(catalog);
        services.AddSingleton(new PilotWrapperOptions { DefaultExecutable = "/bin/true" });
        var builder = new FactoryConfigBuilder(catalog, new ServiceCollection().BuildServiceProvider());
        Config = new StaticConfigProvider(Build(builder, yaml, 1));
        services.AddSingleton<IFactoryConfigProvider>(Config);
        services.AddApfFactory(FactoryRoles.All, new BusOptions());
        _services = services.BuildServiceProvider();
        _bus = _services.GetRequiredService<IBusControl>();
    }

    public FactoryConfig Build(FactoryConfigBuilder builder, string yaml, long version) =>
        builder.Build(YamlConfigReader.Read(yaml.Replace("WORKDIR", WorkDirectory), "test.yaml"), version);

    public static async Task<FactoryUnderTest> StartAsync(string yaml)
    {
        var factory = new FactoryUnderTest(yaml);
        await factory._bus.StartAsync(TestContext.Current.CancellationToken);
        return factory;
    }

    /// <summary>Both status services read once, and the Scheduler has seen the snapshots.</summary>
    public Task PollAsync() => StatusRound.PollBothAsync(_services, Time, TestContext.Current.CancellationToken);

    /// <summary>Only the WMS status service reads (batch status lags behind).</summary>
    public async Task PollWmsAsync()
    {
        var now = Time.GetUtcNow();
        await _services.GetRequiredService<WmsStatusPoller>().PollOnceAsync(TestContext.Current.CancellationToken);
        var cache = _services.GetRequiredService<StatusCache>();
        await Eventually(() => Config.Current.EnabledQueues.All(q => cache.Wms(q.WmsSource)?.ObservedAt >= now));
    }

    /// <summary>Moves the clock one queue sleep on, runs the due cycles, and waits until commands are applied.</summary>
    public async Task<IReadOnlyDictionary<string, QueueDecided>> CycleAsync(TimeSpan? advance = null)
    {
        Time.Advance(advance ?? TimeSpan.FromSeconds(60));
        var now = Time.GetUtcNow();
        await _services.GetRequiredService<SchedulerLoop>().RunDueQueuesAsync(TestContext.Current.CancellationToken);
        await Eventually(() => Config.Current.EnabledQueues.All(q => Progress.LastDecisions.TryGetValue(q.Name, out var d) && d.DecidedAt >= now));
        await Eventually(() => Config.Current.EnabledQueues.All(q => !Ledger.HasUnresolved(q.Name)));
        return Progress.LastDecisions.ToDictionary();
    }

    public static Task Eventually(Func<bool> condition, int seconds = 10) => Wait.Until(condition, seconds);

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _services.DisposeAsync();
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { }
    }

    public const string TwoQueues = """
        factory:
          factoryId: testfactory
          workDir: WORKDIR
        defaults:
          wmsstatusplugin: TestWms
          batchstatusplugin: TestBatch
          batchsubmitplugin: TestBatch
          schedplugin: ReadyMinusPending
          apfqueue.sleep: 60
          apfqueue.maxage: 120
          apfqueue.plugintimeout: 2
        queues:
          qa:
            wmsqueue: work-a
            wmsstatus.testwms.name: a
          qb:
            wmsqueue: work-b
            wmsstatus.testwms.name: b
        """;
}
