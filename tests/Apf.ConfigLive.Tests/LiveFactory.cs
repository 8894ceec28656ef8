using Apf.Contracts;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Scheduling;
using Apf.Factory.Status;
using Apf.Factory.Submitting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Apf.Testing.Factory;

namespace Apf.ConfigLive.Tests;

/// <summary>
/// The real factory composition (every role, in-memory bus) with its configuration registered as a host
/// does it, driven step by step on a fake clock as tests/Apf.Factory.Tests/FactoryUnderTest does.
/// </summary>
public sealed class LiveFactory : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    public LivePlugins Plugins { get; }
    public IFactoryConfigProvider Config => _services.GetRequiredService<IFactoryConfigProvider>();
    public FactoryProgress Progress => _services.GetRequiredService<FactoryProgress>();
    public IBus Bus => _services.GetRequiredService<IBus>();
    public IServiceProvider Services => _services;

    /// <param name="configure">Registers the configuration source, e.g. <c>AddConfigServiceProvider</c> or <c>AddFactoryConfiguration</c>.</param>
    public LiveFactory(LivePlugins plugins, Action<IServiceCollection> configure)
    {
        Plugins = plugins;
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(plugins.Catalog());
        services.AddSingleton(new PilotWrapperOptions { DefaultExecutable = "/bin/true" });
        configure(services);
        services.AddApfFactory(FactoryRoles.All, new BusOptions());
        _services = services.BuildServiceProvider();
    }

    public Task StartBusAsync() => _services.GetRequiredService<IBusControl>().StartAsync(TestContext.Current.CancellationToken);

    public T Hosted<T>() where T : IHostedService => _services.GetServices<IHostedService>().OfType<T>().Single();

    /// <summary>Both status services read once, and the Scheduler has seen the snapshots.</summary>
    public Task PollAsync() => StatusRound.PollBothAsync(_services, Time, TestContext.Current.CancellationToken);

    /// <summary>Moves the clock one queue sleep on, runs the due cycles, and waits until commands are applied.</summary>
    public async Task<QueueDecided> CycleAsync(string queue)
    {
        Time.Advance(TimeSpan.FromSeconds(60));
        var now = Time.GetUtcNow();
        await _services.GetRequiredService<SchedulerLoop>().RunDueQueuesAsync(TestContext.Current.CancellationToken);
        await Eventually(() => Progress.LastDecisions.TryGetValue(queue, out var d) && d.DecidedAt >= now);
        var ledger = _services.GetRequiredService<InFlightLedger>();
        await Eventually(() => !ledger.HasUnresolved(queue));
        return Progress.LastDecisions[queue];
    }

    public static Task Eventually(Func<bool> condition, int seconds = 10) => Wait.Until(condition, seconds);

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<IBusControl>().StopAsync();
        await _services.DisposeAsync();
    }
}
