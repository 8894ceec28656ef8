using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Plugins.HTCondor;
using Apf.Plugins.Local;
using Apf.Plugins.Local.Pilot;
using Apf.Plugins.Slurm;
using Apf.Plugins.Wms;
using Apf.Scheduling;

namespace Apf.Plugins.All;

/// <summary>Every plugin this build of Apf ships, by APF name.</summary>
public static class PluginCatalogs
{
    public static PluginCatalog Default() => new PluginCatalog()
        .AddSchedulerPlugins()
        .AddLocalPlugins()
        .AddSlurmPlugins()
        .AddHTCondorPlugins()
        .AddWmsPlugins();

    /// <summary>The pilot wrapper the factory delivers to queues that name no executable.</summary>
    public static string DefaultPilotWrapper => PilotWrapper.DefaultPath;

    /// <summary>Validates a configuration against the shipped plugins without starting anything.</summary>
    public static FactoryConfig Build(RawFactoryConfig raw, long version = 1) =>
        new FactoryConfigBuilder(Default(), EmptyServices.Instance).Build(raw, version);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
