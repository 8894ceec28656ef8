using MassTransit;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Hosting;

/// <summary>
/// Says when a receive endpoint stops and starts consuming. MassTransit itself reports a broker outage only
/// as refused connections (its own level is Warning in the services), so a log that went quiet after a
/// broker restart could not tell a service that had resumed from one that had not.
/// </summary>
public sealed class EndpointStateLogger(ILogger<EndpointStateLogger> logger) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        logger.LogInformation("Consuming from {Endpoint}", ready.InputAddress.AbsolutePath.TrimStart('/'));
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        logger.LogWarning("Not consuming from {Endpoint}, retrying: {Reason}",
            faulted.InputAddress.AbsolutePath.TrimStart('/'), faulted.Exception?.GetBaseException().Message ?? "no reason given");
        return Task.CompletedTask;
    }
}
