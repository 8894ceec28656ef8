using Apf.Testing;

namespace Apf.Distributed.Tests;

/// <summary>A private broker per test class (the restart test stops and starts its own).</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; } = new();
    public RabbitMqEndpoint? Endpoint { get; private set; }

    public async ValueTask InitializeAsync() => Endpoint = await Broker.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Broker.DisposeAsync();

    /// <summary>The broker, or a visible skip saying why there is none (never outside CI: there it throws).</summary>
    public RabbitMqEndpoint Require()
    {
        if (Endpoint is null) Assert.Skip(Broker.UnavailableReason ?? "no broker");
        return Endpoint;
    }
}
