using System.ComponentModel.DataAnnotations;

namespace Apf.Config.Hosting;

/// <summary>Section "ConfigService": who may write, and whether reads need a key too.</summary>
public sealed class ConfigServiceOptions : IValidatableObject
{
    public const string Section = "ConfigService";
    public const int MinimumKeyLength = 16;

    /// <summary>The key holders. A write must carry one of these keys in the X-Api-Key header.</summary>
    public List<ApiKeyHolder> ApiKeys { get; set; } = [];

    /// <summary>When true, reads (GET) need a key too.</summary>
    public bool RequireKeyForReads { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var holder = ApiKeys[i];
            if (string.IsNullOrWhiteSpace(holder.Name))
                yield return new ValidationResult($"ApiKeys[{i}].Name is required (history names the key holder)", [nameof(ApiKeys)]);
            if ((holder.Key ?? "").Length < MinimumKeyLength)
                yield return new ValidationResult($"ApiKeys[{i}].Key must have at least {MinimumKeyLength} characters", [nameof(ApiKeys)]);
        }
        foreach (var name in ApiKeys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return new ValidationResult($"ApiKeys: holder '{name}' appears twice", [nameof(ApiKeys)]);
    }
}

/// <summary>A named API key; the name is what history records, the key is never logged.</summary>
public sealed class ApiKeyHolder
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";

    public override string ToString() => Name;
}

public enum StoreKind
{
    /// <summary>Kept in the process: for tests and a demo without a database.</summary>
    InMemory,
    MongoDb,
}

/// <summary>Section "Store": where the configuration lives.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Store";

    public StoreKind Kind { get; set; } = StoreKind.MongoDb;
    /// <summary>MongoDB connection string, e.g. mongodb://localhost:27017.</summary>
    public string? ConnectionString { get; set; }
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,60}$")]
    public string Database { get; set; } = "apfconfig";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == StoreKind.MongoDb && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Store:ConnectionString is required when Store:Kind is MongoDb", [nameof(ConnectionString)]);
    }
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Section "Bus": where ConfigChanged is published.</summary>
public sealed class BusOptions : IValidatableObject
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    /// <summary>amqp://user:password@host:5672/vhost (the password is never logged).</summary>
    public string? RabbitMqUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == BusTransport.RabbitMq
            && !(Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "rabbitmq"))
            yield return new ValidationResult("Bus:RabbitMqUri must be an amqp:// or amqps:// URI when Bus:Transport is RabbitMq", [nameof(RabbitMqUri)]);
    }
}
