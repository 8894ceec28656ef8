using Apf.Factory.Hosting;

namespace Apf.Services.Hosting;

/// <summary>Copies <see cref="BusOptions"/> (read once with <see cref="BusOptions.From"/>) into the options system for start-up validation.</summary>
public static class BusSettings
{
    public static void CopyTo(BusOptions from, BusOptions to)
    {
        to.Transport = from.Transport;
        to.RabbitMqUri = from.RabbitMqUri;
        to.EndpointPrefix = from.EndpointPrefix;
        to.PrefetchCount = from.PrefetchCount;
    }
}
