using Apf.Contracts;
using MassTransit;

namespace Apf.Factory.Pilots;

/// <summary>Records what pilots report about themselves.</summary>
public sealed class PilotEventConsumer(PilotTracker tracker) : IConsumer<PilotEvent>
{
    public Task Consume(ConsumeContext<PilotEvent> context)
    {
        tracker.Apply(context.Message);
        return Task.CompletedTask;
    }
}
