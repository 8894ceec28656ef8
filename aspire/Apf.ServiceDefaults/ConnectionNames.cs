namespace Apf.ServiceDefaults;

/// <summary>
/// Names of the connection strings every Apf service reads (<c>ConnectionStrings:&lt;name&gt;</c>).
/// The Aspire AppHost names its resources the same, so <c>WithReference</c> injects exactly these keys,
/// and docker-compose sets them as <c>ConnectionStrings__&lt;name&gt;</c>.
/// </summary>
public static class ConnectionNames
{
    /// <summary>The broker, as an AMQP URI (amqp://user:password@host:5672/vhost).</summary>
    public const string Messaging = "messaging";

    /// <summary>The configuration store, as a MongoDB URI naming the database (mongodb://.../apfconfig).</summary>
    public const string ApfConfig = "apfconfig";
}
