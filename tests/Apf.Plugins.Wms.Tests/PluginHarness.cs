using Apf.Core.Configuration;
using Apf.Core.Plugins;

namespace Apf.Plugins.Wms.Tests;

/// <summary>Builds WMS plugins through the catalog, as the factory does, collecting option errors.</summary>
internal sealed class PluginHarness : IServiceProvider
{
    public List<ConfigError> Errors { get; } = [];

    public IWmsStatusPlugin Create(string name, params (string Key, string Value)[] settings)
    {
        var values = settings.Select(s => new KeyValuePair<string, SettingValue>(s.Key, new SettingValue(s.Value, "queues.yaml", 3)));
        var reader = new SettingsReader(new Settings(values), "BNL_ATLAS_1", Errors);
        var factory = new FactorySettings { FactoryId = "bnl-apf1", WorkDirectory = "/tmp", BaseLogDirectory = "/tmp" };
        return new PluginCatalog().AddWmsPlugins().Create<IWmsStatusPlugin>(PluginKind.WmsStatus, name, new PluginContext(name, reader, factory, this));
    }

    public object? GetService(Type serviceType) => null;
}
