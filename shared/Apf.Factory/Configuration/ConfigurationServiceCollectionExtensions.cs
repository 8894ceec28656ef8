using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Configuration;

/// <summary>Where the factory's configuration comes from: a YAML file, or the config service.</summary>
public static class ConfigurationServiceCollectionExtensions
{
    public const string ConfigFileKey = "Apf:ConfigFile";
    public const string HttpClientName = "apf-config-service";

    /// <summary>
    /// The one line a service executable needs: <c>Apf:ConfigService:Url</c> set means the config
    /// service, <c>Apf:ConfigFile</c> set means that YAML file (reloaded when it changes). Exactly one of
    /// the two must be set; anything else stops the host at start with a message naming both keys.
    /// </summary>
    public static IServiceCollection AddFactoryConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var file = configuration[ConfigFileKey];
        var section = configuration.GetSection(ConfigServiceOptions.Section);
        var url = section["Url"];
        if (!string.IsNullOrWhiteSpace(url) && !string.IsNullOrWhiteSpace(file))
            throw new InvalidOperationException($"Both {ConfigFileKey} and {ConfigServiceOptions.Section}:Url are set; set only one: where should the configuration come from?");
        if (!string.IsNullOrWhiteSpace(file)) return services.AddConfigFileProvider(file);
        if (string.IsNullOrWhiteSpace(url))
            throw new InvalidOperationException($"No configuration source: set {ConfigFileKey} (a YAML file) or {ConfigServiceOptions.Section}:Url (the config service).");

        var options = section.Get<ConfigServiceOptions>() ?? new ConfigServiceOptions();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{ConfigServiceOptions.Section}:Url '{url}' is not an http(s) URL.");
        options.Url = uri;
        return services.AddConfigServiceProvider(options);
    }

    /// <summary>The configuration from a YAML file, reloaded when it changes.</summary>
    public static IServiceCollection AddConfigFileProvider(this IServiceCollection services, string path)
    {
        AddBuilder(services);
        services.AddSingleton<IFactoryConfigProvider>(sp =>
            new YamlFileConfigProvider(path, sp.GetRequiredService<FactoryConfigBuilder>(), sp.GetRequiredService<ILogger<YamlFileConfigProvider>>()));
        return services;
    }

    /// <summary>The configuration from the config service at <paramref name="url"/>, followed through ConfigChanged and a slow poll.</summary>
    public static IServiceCollection AddConfigServiceProvider(this IServiceCollection services, Uri url, Action<ConfigServiceOptions>? configure = null)
    {
        var options = new ConfigServiceOptions { Url = url };
        configure?.Invoke(options);
        return services.AddConfigServiceProvider(options);
    }

    public static IServiceCollection AddConfigServiceProvider(this IServiceCollection services, ConfigServiceOptions options)
    {
        if (options.Url is null) throw new InvalidOperationException($"{ConfigServiceOptions.Section}:Url is required.");
        if (options.PollInterval <= TimeSpan.Zero) throw new InvalidOperationException($"{ConfigServiceOptions.Section}:PollInterval must be positive.");
        if (string.IsNullOrEmpty(options.ApiKey) && options.ApiKeyFile is { Length: > 0 } keyFile)
        {
            // The key is a secret: only the file's name ever appears in a message.
            options.ApiKey = File.Exists(keyFile)
                ? File.ReadAllText(keyFile).Trim()
                : throw new InvalidOperationException($"{ConfigServiceOptions.Section}:ApiKeyFile '{keyFile}' does not exist.");
        }
        AddBuilder(services);
        services.AddHttpClient(HttpClientName);
        services.AddSingleton(options);
        services.AddSingleton(sp =>
        {
            var clients = sp.GetRequiredService<IHttpClientFactory>();
            return new ConfigServiceConfigProvider(() => clients.CreateClient(HttpClientName), sp.GetRequiredService<FactoryConfigBuilder>(),
                options, sp.GetRequiredService<ILogger<ConfigServiceConfigProvider>>());
        });
        services.AddSingleton<IFactoryConfigProvider>(sp => sp.GetRequiredService<ConfigServiceConfigProvider>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ConfigServiceWatcher>();
        return services;
    }

    private static void AddBuilder(IServiceCollection services) =>
        services.TryAddSingleton(sp => new FactoryConfigBuilder(sp.GetRequiredService<PluginCatalog>(), sp));
}
