using Apf.Testing;

namespace Apf.Plugins.Wms.Tests;

public sealed class RabbitMqEndpointTests
{
    [Theory]
    [InlineData("amqp://apf:secret@broker:5672/", "/")]
    [InlineData("amqp://apf:secret@broker:5672/%2F", "/")]
    [InlineData("amqp://apf:secret@broker:5672/atlas", "atlas")]
    public void The_virtual_host_comes_from_the_uri_path(string uri, string vhost)
    {
        var endpoint = new RabbitMqEndpoint(new Uri(uri), new Uri("http://broker:15672/"), "apf", "secret");

        Assert.Equal(vhost, endpoint.VirtualHost);
        Assert.DoesNotContain("secret", endpoint.ToString());
    }
}
