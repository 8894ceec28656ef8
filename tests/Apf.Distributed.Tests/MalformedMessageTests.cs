using System.Text;
using Apf.Contracts;
using MassTransit;
using RabbitMQ.Client;

namespace Apf.Distributed.Tests;

/// <summary>
/// Integration test 4: a message that cannot be read goes to the queue's _error queue, one of a type no
/// consumer knows to _skipped, and the Submitter process goes on consuming.
/// </summary>
public sealed class MalformedMessageTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task A_malformed_command_lands_in_the_error_queue_and_the_submitter_keeps_consuming()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new DistributedFactory(broker.Require(), "malformed",
            "  burst:\n    wmsqueue: jobs\n    executable: /bin/true\n    apfqueue.maxage: 600\n");
        await factory.StartObserverAsync(ct);
        var submitter = await factory.StartAsync("submitter", cancellationToken: ct);
        var queue = $"{factory.Prefix}-submit-pilots";

        var connections = new ConnectionFactory { Uri = factory.Broker.AmqpUri };
        await using var connection = await connections.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await SendAsync(channel, queue, "{ this is not json", ct);
        await SendAsync(channel, queue, """{"messageId":"0b5e0000-0000-0000-0000-000000000001","messageType":["urn:message:Apf.Contracts:NoSuchCommand"],"message":{}}""", ct);

        var command = new SubmitPilots
        {
            CommandId = NewId.NextGuid(),
            Factory = factory.FactoryId,
            Queue = "burst",
            Count = 2,
            DecidedAt = DateTimeOffset.UtcNow,
            Explanation = "after the malformed ones",
        };
        await factory.Bus.Publish(command, ct);
        await factory.WaitUntilAsync(() => factory.Results.Any(r => r.CommandId == command.CommandId), TimeSpan.FromSeconds(60), "the valid command's result", ct);

        Assert.Null(factory.Results.Single(r => r.CommandId == command.CommandId).Error);
        Assert.Equal(2, factory.Pilots.List("burst").Count);
        await factory.WaitUntilAsync(() => MessagesIn(connection, queue + "_error") == 1, TimeSpan.FromSeconds(20), "the unreadable message in _error", ct);
        await factory.WaitUntilAsync(() => MessagesIn(connection, queue + "_skipped") == 1, TimeSpan.FromSeconds(20), "the unknown message type in _skipped", ct);
        Assert.False(submitter.HasExited);
        await submitter.WaitHealthyAsync(TimeSpan.FromSeconds(10), ct);
    }

    private static async Task SendAsync(IChannel channel, string queue, string body, CancellationToken ct)
    {
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body), ct);
    }

    // A passive declaration of a missing queue closes its channel: one channel per look.
    private static uint MessagesIn(IConnection connection, string queue)
    {
        using var channel = connection.CreateChannelAsync().GetAwaiter().GetResult();
        try { return channel.QueueDeclarePassiveAsync(queue).GetAwaiter().GetResult().MessageCount; }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { return 0; }
    }
}
