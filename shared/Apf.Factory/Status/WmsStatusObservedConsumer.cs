using Apf.Contracts;
using MassTransit;

namespace Apf.Factory.Status;

/// <summary>Keeps the Scheduler's view of WMS status current.</summary>
public sealed class WmsStatusObservedConsumer(StatusCache cache) : IConsumer<WmsStatusObserved>
{
    public Task Consume(ConsumeContext<WmsStatusObserved> context)
    {
        cache.Put(context.Message);
        return Task.CompletedTask;
    }
}
