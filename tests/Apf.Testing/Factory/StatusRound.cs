using Apf.Factory.Configuration;
using Apf.Factory.Status;
using Microsoft.Extensions.DependencyInjection;

namespace Apf.Testing.Factory;

/// <summary>
/// One round of status in a factory composed for a test: both status services read once, and the
/// Scheduler's cache holds a snapshot taken at or after the round's start for every enabled queue.
/// </summary>
public static class StatusRound
{
    public static async Task PollBothAsync(IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await services.GetRequiredService<WmsStatusPoller>().PollOnceAsync(cancellationToken);
        await services.GetRequiredService<BatchStatusPoller>().PollOnceAsync(cancellationToken);
        var cache = services.GetRequiredService<StatusCache>();
        var config = services.GetRequiredService<IFactoryConfigProvider>();
        await Wait.Until(() => config.Current.EnabledQueues.All(q =>
            cache.Wms(q.WmsSource)?.ObservedAt >= now && cache.Batch(q.BatchSource)?.ObservedAt >= now), 10);
    }
}
