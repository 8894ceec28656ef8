namespace Apf.Testing;

/// <summary>How tests reach the broker: AMQP URI, management HTTP API and its credentials.</summary>
public sealed record RabbitMqEndpoint(Uri AmqpUri, Uri ManagementUri, string UserName, string Password)
{
    public string VirtualHost
    {
        get
        {
            var path = Uri.UnescapeDataString(AmqpUri.AbsolutePath.TrimStart('/'));
            return path.Length == 0 ? "/" : path;
        }
    }

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"amqp://{AmqpUri.Host}:{AmqpUri.Port} (management {ManagementUri})";
}

/// <summary>Where the broker of a test run comes from.</summary>
public enum RabbitMqSource
{
    None,
    /// <summary>Given by APF_TEST_RABBITMQ: used as is, never stopped.</summary>
    Environment,
    /// <summary>A Testcontainers container (image rabbitmq:3.13-management).</summary>
    Container,
    /// <summary>A private rabbitmq-server process on free ports in a temp folder.</summary>
    Process,
}
