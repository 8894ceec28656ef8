using Apf.Core.Configuration;

namespace Apf.Core.Plugins;

/// <summary>
/// What a plugin factory gets to build one plugin instance: the queue's effective settings (read with
/// validation), the factory's settings, and shared services.
/// </summary>
public sealed class PluginContext(
    string pluginName,
    SettingsReader queueSettings,
    FactorySettings factory,
    IServiceProvider services,
    string? configDirectory = null)
{
    public string PluginName => pluginName;
    /// <summary>The queue's effective keys. Plugins read their own under "&lt;kind&gt;.&lt;plugin&gt;." (APF style).</summary>
    public SettingsReader Settings => queueSettings;
    public FactorySettings Factory => factory;
    public IServiceProvider Services => services;
    public string? Queue => queueSettings.Queue;

    /// <summary>The folder of the configuration file: relative paths in plugin keys are relative to it.</summary>
    public string ConfigDirectory => configDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>A path from a plugin key, made absolute against the configuration file's folder.</summary>
    public string ResolvePath(string path) => FactorySettings.Resolve(ConfigDirectory, path);
}
