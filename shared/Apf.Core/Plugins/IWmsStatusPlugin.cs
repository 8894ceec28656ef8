using Apf.Contracts;

namespace Apf.Core.Plugins;

/// <summary>
/// Reads how much work waits in a WMS. One instance serves every queue that shares its source
/// (same plugin, same options); it answers for the WMS queues asked.
/// </summary>
public interface IWmsStatusPlugin
{
    /// <summary>Figures per WMS queue. A queue the WMS does not know is left out (missing, not zero).</summary>
    Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken);
}
