using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.Commands;

namespace Apf.Plugins.HTCondor.Tests;

/// <summary>Builds plugins through the catalog, as the factory does, with a fake HTCondor and a fixed clock.</summary>
internal sealed class PluginHarness(FakeCondorCommands commands, TimeProvider clock) : IServiceProvider
{
    public List<ConfigError> Errors { get; } = [];

    public T Create<T>(PluginKind kind, string name, params (string Key, string Value)[] settings) where T : class
    {
        var values = settings.Select(s => new KeyValuePair<string, SettingValue>(s.Key, new SettingValue(s.Value, "queues.yaml", 7)));
        var reader = new SettingsReader(new Settings(values), "BNL_ATLAS_1", Errors);
        var factory = new FactorySettings { FactoryId = "bnl-apf1", WorkDirectory = "/tmp", BaseLogDirectory = "/tmp" };
        var catalog = new PluginCatalog().AddHTCondorPlugins();
        return catalog.Create<T>(kind, name, new PluginContext(name, reader, factory, this));
    }

    public object? GetService(Type serviceType) =>
        serviceType == typeof(ICondorCommands) ? commands : serviceType == typeof(TimeProvider) ? clock : null;
}
