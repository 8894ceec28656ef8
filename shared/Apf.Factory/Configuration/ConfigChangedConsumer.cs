using Apf.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Configuration;

/// <summary>
/// The config service announced a new revision: fetch it now rather than at the next poll. Does nothing
/// in a process that reads a file or has no configuration at all.
/// </summary>
public sealed class ConfigChangedConsumer(IServiceProvider services, ILogger<ConfigChangedConsumer> logger) : IConsumer<ConfigChanged>
{
    public async Task Consume(ConsumeContext<ConfigChanged> context)
    {
        if (services.GetService(typeof(IFactoryConfigProvider)) is not ConfigServiceConfigProvider service) return;
        var changed = context.Message;
        logger.LogInformation("Config service revision {Revision} announced ({Summary}, by {By})", changed.Version, changed.Summary, changed.ChangedBy);
        await service.OnConfigChangedAsync(changed.Version, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every process of the factory (each role, each replica) must reload, so each gets a queue of its own,
    /// deleted when it stops, instead of one queue the replicas would share out.
    /// </summary>
    public static void AddTo(IBusRegistrationConfigurator bus)
    {
        var instance = NewId.Next().ToString("N")[..12];
        bus.AddConsumer<ConfigChangedConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance;
            e.Temporary = true;
        });
    }
}
