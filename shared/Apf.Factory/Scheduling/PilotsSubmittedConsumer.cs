using Apf.Contracts;
using MassTransit;

namespace Apf.Factory.Scheduling;

/// <summary>Settles in-flight pilots once the Submitter reports what it created.</summary>
public sealed class PilotsSubmittedConsumer(InFlightLedger ledger) : IConsumer<PilotsSubmitted>
{
    public Task Consume(ConsumeContext<PilotsSubmitted> context)
    {
        ledger.Completed(context.Message);
        return Task.CompletedTask;
    }
}
