using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Factory.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Apf.Testing.Factory;

namespace Apf.Factory.Tests;

public class ConfigReloadTests
{
    private static readonly PluginCatalog Catalog = new PluginCatalog()
        .AddWmsStatus("TestWms", _ => new TestWms())
        .AddBatchStatus("TestBatch", _ => new TestBatchSystem())
        .AddBatchSubmit("TestBatch", _ => new TestBatchSystem())
        .AddScheduler("ReadyMinusPending", _ => new ReadyMinusPending());

    private static FactoryConfigBuilder Builder() => new(Catalog, new ServiceCollection().BuildServiceProvider());

    [Fact]
    public void A_bad_queue_is_disabled_and_reported_while_the_others_run()
    {
        var yaml = FactoryUnderTest.TwoQueues.Replace("WORKDIR", "/tmp") + "\n  qc:\n    schedplugin: ReadyMinusPending, NoSuchPlugin\n    apfqueue.sleep: soon\n";
        var config = Builder().Build(YamlConfigReader.Read(yaml, "factory.yaml"), 1);

        Assert.True(config.IsUsable);
        Assert.Equal(["qa", "qb"], config.Queues.Select(q => q.Name));
        var bad = Assert.Single(config.InvalidQueues);
        Assert.Equal("qc", bad.Name);
        Assert.Contains(bad.Errors, e => e.Key == "schedplugin" && e.Message.Contains("NoSuchPlugin") && e.ToString().StartsWith("factory.yaml:"));
        Assert.Contains(bad.Errors, e => e.Key == "apfqueue.sleep" && e.Message.Contains("'soon'"));
    }

    [Fact]
    public void A_key_that_is_not_set_is_reported_at_its_queue_line()
    {
        var yaml = "factory:\n  factoryId: f\nqueues:\n  q1:\n    wmsstatusplugin: TestWms\n    batchstatusplugin: TestBatch\n    batchsubmitplugin: TestBatch\n";
        var config = Builder().Build(YamlConfigReader.Read(yaml, "factory.yaml"), 1);
        var error = Assert.Single(Assert.Single(config.InvalidQueues).Errors);
        Assert.Equal("schedplugin", error.Key);
        Assert.StartsWith("factory.yaml:4: queue 'q1': key 'schedplugin':", error.ToString());
    }

    [Fact]
    public void A_missing_factory_id_makes_the_file_unusable()
    {
        var config = Builder().Build(YamlConfigReader.Read("queues: {}\n", "f.yaml"), 1);
        Assert.False(config.IsUsable);
        Assert.Contains(config.Errors, e => e.Key == "factoryId");
    }

    [Fact]
    public void Unknown_keys_are_warned_about_not_fatal()
    {
        var yaml = FactoryUnderTest.TwoQueues.Replace("WORKDIR", "/tmp").Replace("wmsqueue: work-a", "wmsqueue: work-a\n    sched.maxpending.maximun: 3");
        var config = Builder().Build(YamlConfigReader.Read(yaml, "f.yaml"), 1);
        Assert.Equal(2, config.Queues.Count);
        Assert.Contains(config.Warnings, w => w.Queue == "qa" && w.Key == "sched.maxpending.maximun");
    }

    [Fact]
    public void A_bad_edit_keeps_the_last_good_configuration_and_a_good_one_is_applied()
    {
        var dir = Directory.CreateTempSubdirectory("apf-reload-").FullName;
        var path = Path.Combine(dir, "factory.yaml");
        File.WriteAllText(path, FactoryUnderTest.TwoQueues.Replace("WORKDIR", dir));
        using var provider = new YamlFileConfigProvider(path, Builder(), NullLogger<YamlFileConfigProvider>.Instance, watch: false);
        Assert.Equal(1, provider.Current.Version);

        File.WriteAllText(path, "factory: [this is not a mapping\n");
        Assert.False(provider.Reload());
        Assert.Equal(1, provider.Current.Version);
        Assert.Equal(2, provider.Current.Queues.Count);

        File.WriteAllText(path, FactoryUnderTest.TwoQueues.Replace("WORKDIR", dir).Replace("apfqueue.sleep: 60", "apfqueue.sleep: 30"));
        Assert.True(provider.Reload());
        Assert.Equal(2, provider.Current.Version);
        Assert.All(provider.Current.Queues, q => Assert.Equal(TimeSpan.FromSeconds(30), q.Options.Sleep));
        Directory.Delete(dir, true);
    }
}
