using System.Net.Http.Json;
using System.Text.Json;
using Apf.Factory.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Apf.ConfigLive.Tests;

/// <summary>
/// Issue 4's end-to-end: the config service and a running factory; a change made through the API is in
/// force at the factory's next cycle.
/// </summary>
public sealed class FollowConfigServiceTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("apf-configlive-").FullName;
    private readonly LivePlugins _plugins = new();
    private LiveConfigService _service = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _service = new LiveConfigService(_plugins.Catalog());
        _http = _service.Http();
        var pushed = await _service.Client(_http).PushAsync(LivePlugins.Yaml(_work), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, pushed.Revision);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private LiveFactory Factory(TimeSpan? poll = null) =>
        new(_plugins, s => s.AddConfigServiceProvider(_service.Url, o => o.PollInterval = poll ?? TimeSpan.FromMinutes(5)));

    private async Task PatchMaxPerCycleAsync(string queue, int maximum)
    {
        var ct = TestContext.Current.CancellationToken;
        var q = await _http.GetFromJsonAsync<JsonElement>($"api/queues/{queue}", ct);
        var version = q.GetProperty("version").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/queues/{queue}")
        {
            Content = JsonContent.Create(new { version, set = new Dictionary<string, string> { ["sched.maxpercycle.maximum"] = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture) } }),
        };
        request.Headers.Add("X-Api-Key", LiveConfigService.AliceKey);
        using var response = await _http.SendAsync(request, ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task A_MaxPerCycle_changed_through_the_API_is_used_at_the_next_cycle()
    {
        await using var factory = Factory();
        _service.FactoryBus = factory.Bus;
        await factory.StartBusAsync();
        await factory.Hosted<ConfigServiceWatcher>().StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, factory.Config.Current.Version);
        _plugins.Wms.Figures["work-a"] = new() { Ready = 10 };

        await factory.PollAsync();
        var first = await factory.CycleAsync("qa");
        Assert.Equal(1, first.ConfigVersion);
        Assert.Equal(3, first.Decision);
        Assert.Contains(first.Steps, s => s.Plugin == "MaxPerCycle" && s.Explanation.Contains("max=3,"));
        Assert.Equal(3, _plugins.Batch.Count("qa"));

        await PatchMaxPerCycleAsync("qa", 5);
        // No reload by hand: the service's ConfigChanged reaches the factory's consumer, which fetches revision 2.
        await LiveFactory.Eventually(() => factory.Config.Current.Version == 2);

        // Batch status read after the submission, so the 3 pilots count once (pending), not also as in flight.
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        await factory.PollAsync();
        var second = await factory.CycleAsync("qa");
        Assert.Equal(2, second.ConfigVersion);
        var step = Assert.Single(second.Steps, s => s.Plugin == "MaxPerCycle");
        Assert.Contains("max=5,", step.Explanation);
        Assert.Equal(7, step.Input);   // 10 ready - 3 pending
        Assert.Equal(5, second.Decision);
        Assert.Equal(3 + 5, _plugins.Batch.Count("qa"));
    }

    [Fact]
    public async Task A_lost_ConfigChanged_is_caught_up_by_the_poll()
    {
        await using var factory = Factory(poll: TimeSpan.FromMinutes(2));
        // FactoryBus left unset: the service publishes where this factory does not listen.
        await factory.StartBusAsync();
        var watcher = factory.Hosted<ConfigServiceWatcher>();
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await PatchMaxPerCycleAsync("qa", 7);
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.Equal(1, factory.Config.Current.Version);

            // The watcher waits on the factory's clock; each advance past the interval lets it poll once.
            await LiveFactory.Eventually(() =>
            {
                factory.Time.Advance(TimeSpan.FromMinutes(2));
                return factory.Config.Current.Version == 2;
            });
            Assert.Equal(7, MaxPerCycleOf(factory));
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task While_the_service_is_down_the_last_good_configuration_stays_in_force()
    {
        await using var factory = Factory();
        await factory.StartBusAsync();
        var provider = factory.Services.GetRequiredService<ConfigServiceConfigProvider>();
        Assert.True(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        _plugins.Wms.Figures["work-a"] = new() { Ready = 2 };

        await _service.DisposeAsync();
        Assert.False(await provider.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, provider.Current.Version);

        await factory.PollAsync();
        var decided = await factory.CycleAsync("qa");
        Assert.Equal(1, decided.ConfigVersion);
        Assert.Equal(2, decided.Decision);
    }

    private static int? MaxPerCycleOf(LiveFactory factory) =>
        int.TryParse(factory.Config.Current.Queues.Single(q => q.Name == "qa").Settings.Find("sched.maxpercycle.maximum")?.Value, out var max) ? max : null;
}
