using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Apf.Factory.Hosting;

/// <summary>Which transport carries Apf's messages (section "Apf:Bus").</summary>
public sealed class BusOptions : IValidatableObject
{
    public const string Section = "Apf:Bus";

    /// <summary>"InMemory" (one process, the embedded default) or "RabbitMq".</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>amqp://user:password@host:5672/vhost; required for RabbitMq. Never logged.</summary>
    public string? RabbitMqUri { get; set; }

    /// <summary>Prefix of every queue name, so several factories can share a broker.</summary>
    public string EndpointPrefix { get; set; } = "apf";

    /// <summary>
    /// Reads section "Apf:Bus". Deployments (compose, Aspire) name the broker ConnectionStrings:messaging:
    /// when it is set and the section names no URI, it is the broker, and the transport is RabbitMq
    /// unless Apf:Bus:Transport says otherwise.
    /// </summary>
    public static BusOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<BusOptions>() ?? new BusOptions();
        var messaging = configuration.GetConnectionString("messaging");
        if (messaging is not null && options.RabbitMqUri is null)
        {
            options.RabbitMqUri = messaging;
            if (configuration[$"{Section}:Transport"] is null) options.Transport = BusTransport.RabbitMq;
        }
        return options;
    }

    /// <summary>Messages a RabbitMQ consumer holds unacknowledged (and a crash hands back to the broker).</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == BusTransport.RabbitMq &&
            (string.IsNullOrWhiteSpace(RabbitMqUri) || !Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq")))
            yield return new ValidationResult($"{Section}:RabbitMqUri must be an amqp:// or amqps:// URI when the transport is RabbitMq", [nameof(RabbitMqUri)]);
    }
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
}
