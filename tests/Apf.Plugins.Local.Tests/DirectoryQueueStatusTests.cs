using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Plugins.Local.DirectoryQueue;

namespace Apf.Plugins.Local.Tests;

public sealed class DirectoryQueueStatusTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (DirectoryQueueStatus Plugin, List<ConfigError> Errors) Create(string? root, string origin)
    {
        var values = new Dictionary<string, SettingValue>();
        if (root is not null) values[DirectoryQueueStatus.RootKey] = new SettingValue(root, origin, 3);
        var errors = new List<ConfigError>();
        var reader = new SettingsReader(new Settings(values), "queue1", errors);
        var factory = new FactorySettings { FactoryId = "f", WorkDirectory = _temp["work"], BaseLogDirectory = _temp["logs"] };
        var context = new PluginContext(DirectoryQueueStatus.Name, reader, factory, new EmptyServices());
        var plugin = new PluginCatalog().AddLocalPlugins().Create<IWmsStatusPlugin>(PluginKind.WmsStatus, "directoryqueue", context);
        return ((DirectoryQueueStatus)plugin, errors);
    }

    [Fact]
    public async Task Reads_counts_per_state_leaves_missing_queues_out_and_sees_offline_queues()
    {
        var config = _temp["etc/apf.yaml"];
        Directory.CreateDirectory(_temp["etc"]);
        File.WriteAllText(config, "# the queue's configuration file\n");
        var (plugin, errors) = Create("../wms", $"{config} (queues.queue1)");
        Assert.Empty(errors);
        Assert.Equal(_temp["wms"], plugin.Queue.Root);

        var queue = plugin.Queue;
        queue.AddJobs("busy", 4, "true");
        queue.Complete(queue.Claim("busy", "p")!, 0, "");
        queue.Complete(queue.Claim("busy", "p")!, 1, "");
        queue.Claim("busy", "p");
        queue.EnsureQueue("drained");
        File.WriteAllText(Path.Combine(queue.QueuePath("drained"), DirectoryJobQueue.OfflineMarker), "");

        var figures = await plugin.ReadAsync(["busy", "drained", "absent", "x; rm -rf /"], TestContext.Current.CancellationToken);

        Assert.Equal(["busy", "drained"], figures.Keys.Order());
        Assert.Equal(new WmsQueueFigures { Ready = 1, Running = 1, Done = 1, Failed = 1, Site = SiteState.Online }, figures["busy"]);
        Assert.Equal(new WmsQueueFigures { Site = SiteState.Offline }, figures["drained"]);
    }

    [Fact]
    public void Tells_pilots_where_their_queue_is()
    {
        var (plugin, _) = Create(_temp["wms"], "test");
        var environment = new Dictionary<string, string>();
        plugin.AddPilotEnvironment("q1", environment);
        plugin.AddPilotEnvironment("x; rm -rf /", environment);
        Assert.Equal(new Dictionary<string, string> { ["APF_DIRQUEUE"] = _temp["wms/q1"] }, environment);
    }

    [Fact]
    public void A_missing_root_is_a_configuration_error_naming_the_key()
    {
        var (_, errors) = Create(null, "test");
        var error = Assert.Single(errors);
        Assert.Equal(DirectoryQueueStatus.RootKey, error.Key);
    }

    [Fact]
    public void A_relative_root_without_a_known_file_is_a_configuration_error()
    {
        var (_, errors) = Create("wms", "command line");
        Assert.Contains("absolute path", Assert.Single(errors).Message);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
