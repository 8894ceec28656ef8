using Apf.Contracts;
using Apf.Plugins.Wms.RabbitMq;
using Apf.Testing;

namespace Apf.Plugins.Wms.Tests;

public sealed class RabbitMqFixtureTests
{
    [Theory]
    [InlineData("api-queues-rabbitmq-3.6.8-from-rabbitmq_exporter.json", "amq.gen---WBD642a0yMDq25x3DpvQ", 1)]
    [InlineData("api-queues-rabbitmq-3.7.0-from-rabbitmq_exporter.json", "amq.gen-1Nb3tSVlcjin_u_k_8Ur_A", 0)]
    [InlineData("api-queues-rabbitmq-3.8.14-from-telegraf-set2.json", "39fd2caf-63e5-41e3-c15a-ba8fa11434b2", 0)]
    public void Recorded_queue_lists_read_ready_and_unacknowledged(string file, string queue, int ready)
    {
        var figures = ManagementQueues.Parse(Fixtures.Read("rabbitmq", file), "/");

        Assert.Equal(3, figures.Count);
        Assert.Equal(new WmsQueueFigures { Ready = ready, Running = 0 }, figures[queue]);
    }

    [Fact]
    public void Queues_of_other_virtual_hosts_are_not_counted()
    {
        var figures = ManagementQueues.Parse(Fixtures.Read("rabbitmq", "api-queues-rabbitmq-3.6.8-from-rabbitmq_exporter.json"), "/atlas");

        Assert.Empty(figures);
    }

    [Fact]
    public void A_queue_without_message_counts_yet_is_missing_not_zero()
    {
        const string fresh = """[{"name":"work","vhost":"/","state":"running"},{"name":"busy","vhost":"/","messages_ready":4,"messages_unacknowledged":2}]""";

        var figures = ManagementQueues.Parse(fresh, "/");

        Assert.False(figures.ContainsKey("work"));
        Assert.Equal(new WmsQueueFigures { Ready = 4, Running = 2 }, figures["busy"]);
    }

    [Fact]
    public void Pilots_are_told_their_work_queue_and_broker()
    {
        var harness = new PluginHarness();
        var plugin = harness.Create("RabbitMQ",
            ("wmsstatus.rabbitmq.url", "http://rabbit.example.org:15672"),
            ("wmsstatus.rabbitmq.vhost", "atlas"),
            ("wmsstatus.rabbitmq.queueprefix", "work."),
            ("wmsstatus.rabbitmq.amqpurl", "amqps://rabbit.example.org:5671/atlas"));
        var environment = new Dictionary<string, string>();

        ((Apf.Core.Plugins.IPilotEnvironmentSource)plugin).AddPilotEnvironment("ANALY_BNL", environment);

        Assert.Empty(harness.Errors);
        Assert.Equal("work.ANALY_BNL", environment["APF_RABBITMQ_QUEUE"]);
        Assert.Equal("atlas", environment["APF_RABBITMQ_VHOST"]);
        Assert.Equal("amqps://rabbit.example.org:5671/atlas", environment["APF_RABBITMQ_URL"]);
    }

    [Fact]
    public void An_amqp_url_with_credentials_is_refused()
    {
        var harness = new PluginHarness();
        harness.Create("RabbitMQ", ("wmsstatus.rabbitmq.url", "http://rabbit:15672"), ("wmsstatus.rabbitmq.amqpurl", "amqp://apf:secret@rabbit/"));

        var error = Assert.Single(harness.Errors);
        Assert.Equal("wmsstatus.rabbitmq.amqpurl", error.Key);
        Assert.DoesNotContain("secret", error.Message);
    }
}
