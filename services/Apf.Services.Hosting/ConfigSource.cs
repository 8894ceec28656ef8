using Apf.Factory.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Apf.Services.Hosting;

/// <summary>
/// The seam for the factory configuration. Today: the YAML file of Apf:ConfigFile, reloaded on change.
/// A host that registers its own <see cref="IFactoryConfigProvider"/> first (the configuration service's
/// client) replaces it; nothing else in the services depends on where the configuration comes from.
/// </summary>
public static class ConfigSource
{
    public static IServiceCollection AddFactoryConfigFile(this IServiceCollection services)
    {
        services.TryAddSingleton<IFactoryConfigProvider>(sp => new YamlFileConfigProvider(
            sp.GetRequiredService<IOptions<ApfServiceOptions>>().Value.ConfigFile!,
            sp.GetRequiredService<Apf.Core.Configuration.FactoryConfigBuilder>(),
            sp.GetRequiredService<ILogger<YamlFileConfigProvider>>()));
        return services;
    }
}
