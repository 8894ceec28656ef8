using Apf.Factory.Hosting;
using Apf.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Apf.Services.Hosting;

/// <summary>
/// Reads <see cref="BusOptions"/> from "Apf:Bus", accepting the deployment's names too: "Apf:Transport"
/// for the transport and the connection string "messaging" for the broker URI (compose, Aspire).
/// </summary>
public static class BusSettings
{
    public static BusOptions Read(IConfiguration configuration)
    {
        var options = new BusOptions();
        configuration.GetSection(BusOptions.Section).Bind(options);
        if (configuration[$"{BusOptions.Section}:{nameof(BusOptions.Transport)}"] is null
            && Enum.TryParse<BusTransport>(configuration["Apf:Transport"], ignoreCase: true, out var transport))
            options.Transport = transport;
        if (string.IsNullOrWhiteSpace(options.RabbitMqUri))
            options.RabbitMqUri = configuration.GetConnectionString(ConnectionNames.Messaging);
        return options;
    }

    public static void CopyTo(BusOptions from, BusOptions to)
    {
        to.Transport = from.Transport;
        to.RabbitMqUri = from.RabbitMqUri;
        to.EndpointPrefix = from.EndpointPrefix;
        to.PrefetchCount = from.PrefetchCount;
    }
}
