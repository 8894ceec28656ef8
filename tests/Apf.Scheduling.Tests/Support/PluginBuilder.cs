using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Scheduling.Tests;

/// <summary>Builds plugins the way the factory does: catalog lookup by name over a queue's settings.</summary>
internal static class PluginBuilder
{
    public static readonly PluginCatalog Catalog = new PluginCatalog().AddSchedulerPlugins();

    public sealed record Built(ISchedulerPlugin Plugin, IReadOnlyList<ConfigError> Errors);

    public static Built Build(string name, params (string Key, string Value)[] keys) => Build(name, null, keys);

    public static Built Build(string name, int? maxPerFactory, params (string Key, string Value)[] keys)
    {
        var settings = new Settings(keys.Select((k, i) => KeyValuePair.Create(k.Key, new SettingValue(k.Value, "queues.conf", 10 + i))));
        var errors = new List<ConfigError>();
        var reader = new SettingsReader(settings, "ANALY_TEST", errors);
        var factory = new FactorySettings
        {
            FactoryId = "f1",
            WorkDirectory = "var",
            BaseLogDirectory = "var/logs",
            MaxPerFactory = maxPerFactory,
        };
        var plugin = Catalog.Create<ISchedulerPlugin>(PluginKind.Scheduler, name, new PluginContext(name, reader, factory, NoServices.Instance));
        return new Built(plugin, errors);
    }

    /// <summary>A plugin whose options must be valid.</summary>
    public static ISchedulerPlugin Valid(string name, params (string Key, string Value)[] keys) => Valid(name, null, keys);

    public static ISchedulerPlugin Valid(string name, int? maxPerFactory, params (string Key, string Value)[] keys)
    {
        var built = Build(name, maxPerFactory, keys);
        Assert.Empty(built.Errors);
        return built.Plugin;
    }

    public static SchedulerChain Chain(params ISchedulerPlugin[] plugins) => new(plugins);

    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
