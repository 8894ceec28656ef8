using Apf.Core.Plugins;
using Apf.Plugins.Local.DirectoryQueue;
using Apf.Plugins.Local.LocalBatch;

namespace Apf.Plugins.Local;

/// <summary>Registers the embedded demo's plugins: WMS status "DirectoryQueue", batch status and submit "LocalProcess".</summary>
public static class LocalPlugins
{
    public static PluginCatalog AddLocalPlugins(this PluginCatalog catalog) =>
        catalog.AddWmsStatus(DirectoryQueueStatus.Name, DirectoryQueueStatus.Create)
               .AddBatchStatus(LocalProcessSubmit.Name, LocalProcessStatus.Create)
               .AddBatchSubmit(LocalProcessSubmit.Name, LocalProcessSubmit.Create);
}
