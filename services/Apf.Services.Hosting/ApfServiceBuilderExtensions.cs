using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Submitting;
using Apf.Plugins.All;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog;

namespace Apf.Services.Hosting;

/// <summary>The one call each service makes after AddServiceDefaults: its factory role on the configured bus.</summary>
public static class ApfServiceBuilderExtensions
{
    public static TBuilder AddApfService<TBuilder>(this TBuilder builder, FactoryRoles role) where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        // Serilog writes the console (structured JSON, see appsettings.json); the plain console logger would write it twice.
        foreach (var console in builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            builder.Services.Remove(console);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Role", role.ToString()),
            writeToProviders: true); // OpenTelemetry's log exporter (ServiceDefaults) still sees every event

        builder.Services.AddOptions<ApfServiceOptions>().BindConfiguration(ApfServiceOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var bus = BusOptions.From(configuration);
        builder.Services.AddOptions<BusOptions>().Configure(o => BusSettings.CopyTo(bus, o))
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(PluginCatalogs.Default());
        // The config service when Apf:ConfigService:Url is set (followed live), else the YAML file of Apf:ConfigFile.
        if (!string.IsNullOrWhiteSpace(configuration[$"{ApfServiceOptions.Section}:ConfigService:Url"]))
            builder.Services.AddFactoryConfiguration(configuration);
        else
            builder.Services.AddFactoryConfigFile();
        if (role.HasFlag(FactoryRoles.Submitter))
            builder.Services.AddSingleton(new PilotWrapperOptions { DefaultExecutable = PluginCatalogs.DefaultPilotWrapper });
        builder.Services.AddApfFactory(role, bus);
        return builder;
    }
}
