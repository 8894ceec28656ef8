using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Testing;
using RabbitMQ.Client;

namespace Apf.Plugins.Wms.Tests;

/// <summary>Against a real broker (RabbitMqBroker: given, container or private rabbitmq-server).</summary>
public sealed class RabbitMqLiveTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>, IDisposable
{
    private static readonly TimeSpan StatsWait = TimeSpan.FromSeconds(30);
    private readonly string _secrets = Directory.CreateTempSubdirectory("apf-rmq-secrets-").FullName;

    public void Dispose() => Directory.Delete(_secrets, recursive: true);

    [Fact]
    public async Task Ready_and_unacknowledged_messages_read_as_ready_and_running()
    {
        var ct = TestContext.Current.CancellationToken;
        var endpoint = await RequireAsync(ct);
        var queue = "apf-work-" + Guid.NewGuid().ToString("N")[..8];
        var factory = new ConnectionFactory { Uri = endpoint.AmqpUri };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var producer = await connection.CreateChannelAsync(cancellationToken: ct);
        await producer.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, cancellationToken: ct);
        for (var i = 0; i < 5; i++)
            await producer.BasicPublishAsync("", queue, new ReadOnlyMemory<byte>([(byte)i]), ct);
        // A worker holding two jobs without acknowledging them: they are running.
        await using var worker = await connection.CreateChannelAsync(cancellationToken: ct);
        await worker.BasicQosAsync(0, 2, false, ct);
        await worker.BasicConsumeAsync(queue, autoAck: false, new HoldingConsumer(worker), ct);

        var plugin = Plugin(endpoint, ("wmsstatus.rabbitmq.queueprefix", "apf-work-"));
        var name = queue["apf-work-".Length..];
        var figures = await EventuallyAsync(plugin, [name, "no-such-queue"], f => f.TryGetValue(name, out var q) && q.Ready == 3 && q.Running == 2, ct);

        Assert.Equal(new WmsQueueFigures { Ready = 3, Running = 2 }, figures[name]);
        Assert.False(figures.ContainsKey("no-such-queue"));
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_the_status_but_not_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        var endpoint = await RequireAsync(ct);
        var passwordFile = Path.Combine(_secrets, "wrong-password");
        await File.WriteAllTextAsync(passwordFile, "not-the-password-xyz", ct);
        var plugin = Plugin(endpoint, ("wmsstatus.rabbitmq.username", endpoint.UserName), ("wmsstatus.rabbitmq.passwordfile", passwordFile));

        var e = await Assert.ThrowsAsync<Apf.Plugins.Wms.Http.WmsException>(() => plugin.ReadAsync(["q"], ct));

        Assert.Contains("401", e.Message);
        Assert.DoesNotContain("not-the-password-xyz", e.ToString());
    }

    [Fact]
    public async Task A_restarted_broker_is_read_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var endpoint = await RequireAsync(ct);
        if (!broker.CanRestart) Assert.Skip($"the broker from {broker.Source} cannot be restarted by tests");
        var queue = "apf-restart-" + Guid.NewGuid().ToString("N")[..8];
        var factory = new ConnectionFactory { Uri = endpoint.AmqpUri };
        await using (var connection = await factory.CreateConnectionAsync(ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
            await channel.BasicPublishAsync("", queue, true, new BasicProperties { Persistent = true }, new ReadOnlyMemory<byte>([1]), ct);
        }
        var plugin = Plugin(endpoint);

        await broker.RestartAsync(ct);

        var figures = await EventuallyAsync(plugin, [queue], f => f.TryGetValue(queue, out var q) && q.Ready == 1, ct);
        Assert.Equal(1, figures[queue].Ready);
    }

    private async Task<RabbitMqEndpoint> RequireAsync(CancellationToken ct)
    {
        var endpoint = await broker.StartAsync(ct);
        if (endpoint is null) Assert.Skip(broker.UnavailableReason ?? "no RabbitMQ broker");
        return endpoint;
    }

    private IWmsStatusPlugin Plugin(RabbitMqEndpoint endpoint, params (string, string)[] more)
    {
        var harness = new PluginHarness();
        var password = Path.Combine(_secrets, "password");
        (string, string)[] settings = [("wmsstatus.rabbitmq.url", endpoint.ManagementUri.ToString()), ("wmsstatus.rabbitmq.vhost", endpoint.VirtualHost)];
        if ((endpoint.UserName, endpoint.Password) != ("guest", "guest") && !more.Any(m => m.Item1.EndsWith("passwordfile", StringComparison.Ordinal)))
        {
            File.WriteAllText(password, endpoint.Password);
            settings = [.. settings, ("wmsstatus.rabbitmq.username", endpoint.UserName), ("wmsstatus.rabbitmq.passwordfile", password)];
        }
        var plugin = harness.Create("RabbitMQ", [.. settings, .. more]);
        Assert.Empty(harness.Errors);
        return plugin;
    }

    /// <summary>The management API refreshes queue figures every few seconds: poll until they show the state.</summary>
    private static async Task<IReadOnlyDictionary<string, WmsQueueFigures>> EventuallyAsync(
        IWmsStatusPlugin plugin, string[] queues, Func<IReadOnlyDictionary<string, WmsQueueFigures>, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StatsWait;
        IReadOnlyDictionary<string, WmsQueueFigures> figures;
        do
        {
            try
            {
                figures = await plugin.ReadAsync(queues, ct);
                if (done(figures)) return figures;
            }
            catch (Apf.Plugins.Wms.Http.WmsException) when (DateTime.UtcNow < deadline)
            {
                figures = new Dictionary<string, WmsQueueFigures>();
            }
            await Task.Delay(250, ct);
        } while (DateTime.UtcNow < deadline);
        return figures;
    }

    private sealed class HoldingConsumer(IChannel channel) : AsyncDefaultBasicConsumer(channel)
    {
        public override Task HandleBasicDeliverAsync(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey,
            IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
