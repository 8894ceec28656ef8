using Apf.Contracts;
using MassTransit;

namespace Apf.Factory.Hosting;

/// <summary>Feeds <see cref="FactoryProgress"/> with decisions.</summary>
public sealed class QueueDecidedConsumer(FactoryProgress progress) : IConsumer<QueueDecided>
{
    public Task Consume(ConsumeContext<QueueDecided> context)
    {
        progress.Apply(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Feeds <see cref="FactoryProgress"/> with submission results.</summary>
public sealed class SubmissionProgressConsumer(FactoryProgress progress) : IConsumer<PilotsSubmitted>, IConsumer<PilotsRetired>
{
    public Task Consume(ConsumeContext<PilotsSubmitted> context)
    {
        progress.Apply(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<PilotsRetired> context)
    {
        progress.Apply(context.Message);
        return Task.CompletedTask;
    }
}
