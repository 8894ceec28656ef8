namespace Apf.Core.Plugins;

/// <summary>The four kinds of plugin a queue chooses by name (APF's plugin families).</summary>
public enum PluginKind
{
    WmsStatus,
    BatchStatus,
    Scheduler,
    BatchSubmit,
}
