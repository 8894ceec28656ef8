using System.Net;
using System.Net.Sockets;
using System.Text;
using Apf.Core.Configuration;
using Apf.Factory.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Apf.ConfigLive.Tests;

/// <summary>The provider's rules on what it puts in force, over a scripted HTTP answer.</summary>
public sealed class ConfigServiceProviderTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("apf-configlive-provider-").FullName;
    private readonly LivePlugins _plugins = new();
    private readonly Scripted _answers = new();

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private ConfigServiceConfigProvider Provider(Uri? url = null, string? cacheFile = null) => new(
        () => new HttpClient(_answers, disposeHandler: false),
        new FactoryConfigBuilder(_plugins.Catalog(), new ServiceCollection().BuildServiceProvider()),
        new ConfigServiceOptions { Url = url ?? new Uri("http://config.test:5080/"), CacheFile = cacheFile, RequestTimeout = TimeSpan.FromSeconds(5) },
        NullLogger<ConfigServiceConfigProvider>.Instance);

    [Fact]
    public async Task Before_any_answer_no_queue_runs()
    {
        _answers.Next = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var provider = Provider();
        Assert.False(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.False(provider.HasConfiguration);
        Assert.Empty(provider.Current.Queues);
    }

    [Fact]
    public async Task The_version_in_force_is_the_services_revision_and_an_unusable_one_is_refused()
    {
        var provider = Provider();
        var changes = new List<long>();
        provider.Changed += c => changes.Add(c.Version);
        _answers.Next = _ => Export(LivePlugins.Yaml(_work), 12);
        Assert.True(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(12, provider.Current.Version);

        _answers.Next = _ => Export(LivePlugins.Yaml(_work).Replace("factoryId: livefactory", "factoryId: no spaces allowed"), 13);
        Assert.False(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(12, provider.Current.Version);

        _answers.Next = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(LivePlugins.Yaml(_work, 9)) };
        Assert.False(await provider.ReloadAsync(TestContext.Current.CancellationToken));   // no revision header: not trusted

        _answers.Next = _ => Export(LivePlugins.Yaml(_work, 9), 14);
        Assert.True(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(14, provider.Current.Version);
        Assert.Equal([12L, 14L], changes);
    }

    [Fact]
    public async Task An_event_for_a_revision_already_seen_fetches_nothing()
    {
        var provider = Provider();
        _answers.Next = _ => Export(LivePlugins.Yaml(_work), 5);
        Assert.True(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, _answers.Calls);

        Assert.False(await provider.OnConfigChangedAsync(5, TestContext.Current.CancellationToken));
        Assert.False(await provider.OnConfigChangedAsync(4, TestContext.Current.CancellationToken));
        Assert.Equal(1, _answers.Calls);

        _answers.Next = _ => Export(LivePlugins.Yaml(_work, 8), 6);
        Assert.True(await provider.OnConfigChangedAsync(6, TestContext.Current.CancellationToken));
        Assert.Equal(6, provider.Current.Version);
    }

    [Fact]
    public async Task A_factory_starting_while_the_service_is_down_runs_from_its_cached_copy()
    {
        var cache = Path.Combine(_work, "cache", "factory.yaml");
        _answers.Next = _ => Export(LivePlugins.Yaml(_work, 4), 21);
        Assert.True(await Provider(cacheFile: cache).ReloadAsync(TestContext.Current.CancellationToken));
        Assert.True(File.Exists(cache));

        // A new process, and nothing listens at the service's address any more.
        var unreachable = new ConfigServiceConfigProvider(() => new HttpClient(), new FactoryConfigBuilder(_plugins.Catalog(), new ServiceCollection().BuildServiceProvider()),
            new ConfigServiceOptions { Url = ClosedPort(), CacheFile = cache }, NullLogger<ConfigServiceConfigProvider>.Instance);
        Assert.False(await unreachable.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.True(unreachable.LoadCache());
        Assert.True(unreachable.HasConfiguration);
        Assert.False(unreachable.HasAnswered);   // so the watcher keeps retrying the service often
        Assert.Equal(21, unreachable.Current.Version);
        Assert.Equal("4", unreachable.Current.Queues.Single().Settings["sched.maxpercycle.maximum"]);
    }

    private static HttpResponseMessage Export(string yaml, long revision)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(yaml, Encoding.UTF8, "application/yaml") };
        response.Headers.Add(ConfigServiceConfigProvider.RevisionHeader, revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private sealed class Scripted : HttpMessageHandler
    {
        public Func<HttpRequestMessage, HttpResponseMessage> Next { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            Assert.Equal("/api/export", request.RequestUri!.AbsolutePath);
            return Task.FromResult(Next(request));
        }
    }
}
