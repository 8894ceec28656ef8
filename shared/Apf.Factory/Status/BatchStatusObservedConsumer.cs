using Apf.Contracts;
using MassTransit;

namespace Apf.Factory.Status;

/// <summary>Keeps the Scheduler's view of batch status current.</summary>
public sealed class BatchStatusObservedConsumer(StatusCache cache) : IConsumer<BatchStatusObserved>
{
    public Task Consume(ConsumeContext<BatchStatusObserved> context)
    {
        cache.Put(context.Message);
        return Task.CompletedTask;
    }
}
