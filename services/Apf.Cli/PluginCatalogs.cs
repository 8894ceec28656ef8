using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Scheduling;

namespace Apf.Cli;

/// <summary>Every plugin this build of Apf ships, by APF name.</summary>
internal static class PluginCatalogs
{
    public static PluginCatalog Default() => new PluginCatalog()
        .AddSchedulerPlugins();

    /// <summary>Validates a configuration against the shipped plugins without starting anything.</summary>
    public static FactoryConfig Build(RawFactoryConfig raw) =>
        new FactoryConfigBuilder(Default(), EmptyServices.Instance).Build(raw, version: 1);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
