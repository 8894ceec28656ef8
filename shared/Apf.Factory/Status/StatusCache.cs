using System.Collections.Concurrent;
using Apf.Contracts;

namespace Apf.Factory.Status;

/// <summary>
/// The last snapshot of every status source, as the Scheduler saw it (APF's "old info"). A snapshot
/// older than the one held is ignored, so a late or redelivered message never rolls figures back.
/// </summary>
public sealed class StatusCache
{
    private readonly ConcurrentDictionary<string, WmsStatusObserved> _wms = new();
    private readonly ConcurrentDictionary<string, BatchStatusObserved> _batch = new();

    public void Put(WmsStatusObserved snapshot) =>
        _wms.AddOrUpdate(snapshot.Source, snapshot, (_, held) => snapshot.ObservedAt >= held.ObservedAt ? snapshot : held);

    public void Put(BatchStatusObserved snapshot) =>
        _batch.AddOrUpdate(snapshot.Source, snapshot, (_, held) => snapshot.ObservedAt >= held.ObservedAt ? snapshot : held);

    public WmsStatusObserved? Wms(string source) => _wms.GetValueOrDefault(source);

    public BatchStatusObserved? Batch(string source) => _batch.GetValueOrDefault(source);
}
