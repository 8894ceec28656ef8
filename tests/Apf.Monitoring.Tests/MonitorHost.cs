using System.Net.Http.Json;
using Apf.Contracts;
using Apf.Factory.Hosting;
using Apf.Factory.Pilots;
using Apf.Monitoring.Api;
using Apf.Monitoring.State;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Apf.Monitoring.Tests;

/// <summary>
/// The monitor as the Monitor service composes it (Observer role, in-memory bus, pilot reports, pages, API,
/// /metrics) on a real Kestrel port and a fake clock.
/// </summary>
public sealed class MonitorHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private MonitorHost(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeTimeProvider Time { get; }
    public string Url { get; }
    public HttpClient Http { get; }
    public IBus Bus => _app.Services.GetRequiredService<IBus>();
    public MonitorState State => _app.Services.GetRequiredService<MonitorState>();
    public LostPilotWatcher Watcher => _app.Services.GetRequiredService<LostPilotWatcher>();

    public static async Task<MonitorHost> StartAsync(Action<MonitorOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(Start);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddApfFactory(FactoryRoles.Observer, new BusOptions());
        builder.Services.AddApfMonitoring(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPilotEvents();
        app.MapApfMonitor();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new MonitorHost(app, time);
    }

    /// <summary>Publishes a decision as the Scheduler would, and waits until the monitor has recorded it.</summary>
    public async Task DecideAsync(QueueDecided decided)
    {
        await Bus.Publish(decided, TestContext.Current.CancellationToken);
        await Eventually(() => State.Detail(decided.Queue)?.Decisions.FirstOrDefault()?.Cycle == decided.Cycle);
    }

    public static QueueDecided Decision(string queue, long cycle, int ready, int pending, int running, int decision,
        string action = "none", DateTimeOffset? at = null, string? error = null) => new()
    {
        Factory = "demo",
        Queue = queue,
        Cycle = cycle,
        ConfigVersion = 3,
        DecidedAt = at ?? Start,
        Wms = new WmsQueueFigures { Ready = ready, Running = 1, Site = SiteState.Online },
        WmsState = "fresh (age 1 s)",
        Batch = new BatchQueueFigures { Pending = pending, Running = running, Done = 4, Failed = 1 },
        BatchState = "fresh (age 2 s)",
        Decision = decision,
        Steps = [new DecisionStep("Ready", 0, ready - pending, $"ready={ready},pending={pending}"), new DecisionStep("MaxPerCycle", ready - pending, decision, "max=3")],
        Explanation = $"Ready:in=0,ready={ready},pending={pending},ret={ready - pending} | MaxPerCycle:in={ready - pending},max=3,ret={decision}",
        Action = action,
        Error = error,
    };

    /// <summary>POSTs a pilot report the way the wrapper does; returns the HTTP status.</summary>
    public async Task<int> ReportAsync(object payload)
    {
        using var response = await Http.PostAsJsonAsync(PilotEventsEndpoint.Path, payload, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>POSTs a valid pilot report and waits until the tracker holds it.</summary>
    public async Task PilotAsync(string pilotId, string kind, string queue = "analysis", int jobsRun = 0, int? exitCode = null)
    {
        var at = Time.GetUtcNow();
        var status = await ReportAsync(new { factory = "demo", queue, pilotId, kind, at, jobsRun, exitCode, host = "node-1", profile = new Dictionary<string, string> { ["cpus"] = "4" } });
        Assert.Equal(202, status);
        await Eventually(() => State.Pilots(queue).Any(p => p.PilotId == pilotId && p.LastSeenAt >= at && (kind != "end" || p.EndedAt is not null)));
    }

    public async Task<T> GetAsync<T>(string path) =>
        (await Http.GetFromJsonAsync<T>(path, MonitorJson.Options, TestContext.Current.CancellationToken))!;

    public static async Task Eventually(Func<bool> condition, int timeoutMs = 10_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
