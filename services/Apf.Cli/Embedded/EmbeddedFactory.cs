using Apf.Plugins.All;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Pilots;
using Apf.Factory.Submitting;
using Apf.Monitoring;
using Apf.Plugins.Local.Pilot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Spectre.Console;

namespace Apf.Cli.Embedded;

/// <summary>
/// The embedded default: the WmsStatus, BatchStatus, Scheduler and Submitter services in one process
/// over MassTransit's in-memory transport, configured from a YAML file.
/// </summary>
internal static class EmbeddedFactory
{
    public static async Task<int> RunAsync(EmbeddedRunOptions options, CancellationToken cancellationToken)
    {
        var catalog = PluginCatalogs.Default();
        var config = PluginCatalogs.Build(YamlConfigReader.ReadFile(options.ConfigFile));
        if (!ConsoleReport.Configuration(config)) return 1;
        if (ListenAddress.Problem(options.Listen) is { } problem)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --listen {options.Listen}: {problem}");
            return 1;
        }
        DemoJobs.Seed(config);

        Directory.CreateDirectory(config.Factory.BaseLogDirectory);
        var logFile = Path.Combine(config.Factory.BaseLogDirectory, "apf-.log");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSerilog(new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day)
            .WriteTo.Console(restrictedToMinimumLevel: LogEventLevel.Warning)
            .CreateLogger());
        builder.WebHost.UseUrls(options.Listen);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<IFactoryConfigProvider>(sp =>
            new YamlFileConfigProvider(options.ConfigFile, sp.GetRequiredService<FactoryConfigBuilder>(), sp.GetRequiredService<ILogger<YamlFileConfigProvider>>()));
        builder.Services.AddSingleton(new PilotWrapperOptions { DefaultExecutable = PilotWrapper.DefaultPath });
        builder.Services.AddApfFactory(FactoryRoles.All, new BusOptions { Transport = BusTransport.InMemory });
        builder.Services.AddApfMonitoring();
        builder.Services.AddSingleton<DrainWatcher>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        await using var app = builder.Build();
        app.MapPilotEvents();
        app.MapApfMonitor();

        var progress = app.Services.GetRequiredService<FactoryProgress>();
        if (!options.Quiet) progress.Decided += ConsoleReport.Decision;
        progress.Submitted += ConsoleReport.Submission;

        await app.StartAsync(cancellationToken);
        var reportUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.Services.GetRequiredService<PilotWrapperOptions>().ReportUrl = reportUrl;
        AnsiConsole.MarkupLineInterpolated($"[grey]factory [bold]{config.Factory.FactoryId}[/] running {config.EnabledQueues.Count()} queue(s); monitor and pilot reports at {reportUrl}; log {config.Factory.BaseLogDirectory}; Ctrl-C stops[/]");

        var exitCode = await WaitAsync(app, options, cancellationToken);

        AnsiConsole.MarkupLine("[grey]stopping: no new pilots; stopping running pilots and putting their jobs back...[/]");
        await app.StopAsync(CancellationToken.None);
        await StopPilotsAsync(app.Services.GetRequiredService<IFactoryConfigProvider>().Current);
        ConsoleReport.Summary(app.Services.GetRequiredService<DrainWatcher>().Summarize());
        return exitCode;
    }

    private static async Task<int> WaitAsync(WebApplication app, EmbeddedRunOptions options, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout ?? Timeout.InfiniteTimeSpan);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (options.UntilDrained)
            {
                await app.Services.GetRequiredService<DrainWatcher>().WaitUntilDrainedAsync(either.Token);
                AnsiConsole.MarkupLine("[green]every queue is drained and no pilot runs[/]");
                return 0;
            }
            await Task.Delay(Timeout.Infinite, either.Token);
            return 0;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]gave up after {options.Timeout}[/]");
            return 2;
        }
        catch (OperationCanceledException)
        {
            return options.UntilDrained ? 130 : 0;
        }
    }

    // Pilots of the embedded factory are children of this process's session: stop them with it, and put
    // their claimed jobs back, so nothing is left half-claimed.
    private static async Task StopPilotsAsync(FactoryConfig config)
    {
        var stoppers = config.Queues.Select(q => q.BatchSubmit).OfType<IStopPilotsOnShutdown>().Distinct();
        foreach (var stopper in stoppers)
            await stopper.StopPilotsAsync(config.Factory.FactoryId, CancellationToken.None);
    }
}
