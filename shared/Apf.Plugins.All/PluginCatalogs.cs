using Apf.Core.Plugins;
using Apf.Plugins.HTCondor;
using Apf.Plugins.Local;
using Apf.Plugins.Local.Pilot;
using Apf.Plugins.Wms;
using Apf.Scheduling;

namespace Apf.Plugins.All;

/// <summary>
/// Every plugin this build of Apf ships, by APF name. The all-in-one host and each service use the same
/// catalog, so a configuration valid for one is valid for the other.
/// </summary>
public static class PluginCatalogs
{
    public static PluginCatalog Default() => new PluginCatalog()
        .AddSchedulerPlugins()
        .AddLocalPlugins()
        .AddHTCondorPlugins()
        .AddWmsPlugins();

    /// <summary>The pilot wrapper the factory delivers to queues that name no executable.</summary>
    public static string DefaultPilotWrapper => PilotWrapper.DefaultPath;
}
