using Apf.Factory.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.ConfigLive.Tests;

/// <summary><c>AddFactoryConfiguration</c>: the service executables' one line choosing file or config service.</summary>
public sealed class ConfigurationChooserTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("apf-configlive-chooser-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new LivePlugins().Catalog());
        services.AddFactoryConfiguration(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Apf_ConfigFile_means_the_YAML_file()
    {
        var path = Path.Combine(_work, "factory.yaml");
        File.WriteAllText(path, LivePlugins.Yaml(_work));
        using var services = Build(new() { ["Apf:ConfigFile"] = path });
        var provider = Assert.IsType<YamlFileConfigProvider>(services.GetRequiredService<IFactoryConfigProvider>());
        Assert.Equal("qa", provider.Current.Queues.Single().Name);
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public void Apf_ConfigService_Url_means_the_config_service_with_its_options()
    {
        var keyFile = Path.Combine(_work, "key");
        File.WriteAllText(keyFile, "secret-key-0123456789\n");
        using var services = Build(new()
        {
            ["Apf:ConfigService:Url"] = "http://apf-config:5080",
            ["Apf:ConfigService:PollInterval"] = "00:01:30",
            ["Apf:ConfigService:ApiKeyFile"] = keyFile,
        });
        Assert.IsType<ConfigServiceConfigProvider>(services.GetRequiredService<IFactoryConfigProvider>());
        Assert.Single(services.GetServices<IHostedService>().OfType<ConfigServiceWatcher>());
        var options = services.GetRequiredService<ConfigServiceOptions>();
        Assert.Equal(new Uri("http://apf-config:5080/"), options.Url);
        Assert.Equal(TimeSpan.FromSeconds(90), options.PollInterval);
        Assert.Equal("secret-key-0123456789", options.ApiKey);
    }

    [Theory]
    [InlineData(null, null, "No configuration source")]
    [InlineData("factory.yaml", "http://apf-config:5080", "Both Apf:ConfigFile and Apf:ConfigService:Url")]
    [InlineData(null, "apf-config:5080", "is not an http(s) URL")]
    [InlineData(null, "ftp://apf-config/", "is not an http(s) URL")]
    public void Anything_but_exactly_one_usable_source_stops_the_host(string? file, string? url, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Apf:ConfigFile"] = file, ["Apf:ConfigService:Url"] = url }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_key_file_is_named_and_no_key_is_shown()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["Apf:ConfigService:Url"] = "http://apf-config:5080",
            ["Apf:ConfigService:ApiKeyFile"] = Path.Combine(_work, "nope"),
        }));
        Assert.Contains("nope", e.Message);
    }
}
