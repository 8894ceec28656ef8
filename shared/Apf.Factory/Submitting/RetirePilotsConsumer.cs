using Apf.Contracts;
using Apf.Factory.Configuration;
using Apf.Factory.Hosting;
using Apf.Factory.Status;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Submitting;

/// <summary>Applies a negative decision: removes idle pilots of the queue, never running ones.</summary>
public sealed class RetirePilotsConsumer(IFactoryConfigProvider config, TimeProvider time, ILogger<RetirePilotsConsumer> logger) : IConsumer<RetirePilots>
{
    public async Task Consume(ConsumeContext<RetirePilots> context)
    {
        var command = context.Message;
        var queue = config.Current.EnabledQueues.FirstOrDefault(q => q.Name == command.Queue);
        IReadOnlyList<string> retired = [];
        string? error = null;
        if (queue is null) error = $"queue '{command.Queue}' is not an enabled queue of this factory";
        else if (time.GetUtcNow() - command.DecidedAt > queue.Options.CommandExpiry) error = "command expired";
        else
        {
            try
            {
                retired = await PluginCall.WithTimeoutAsync(
                    ct => queue.BatchSubmit.RetireAsync(command.Factory, command.Queue, command.Count, ct),
                    queue.Options.PluginTimeout, "retiring pilots", context.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                error = PluginCall.Describe(e);
                logger.LogError("Retiring {Count} pilots of {Queue} failed: {Reason}", command.Count, command.Queue, error);
            }
        }
        await context.PublishWithinLimit(new PilotsRetired
        {
            CommandId = command.CommandId,
            Factory = command.Factory,
            Queue = command.Queue,
            Requested = command.Count,
            BatchIds = retired,
            Error = error,
            CompletedAt = time.GetUtcNow(),
        }, time, context.CancellationToken);
    }
}
