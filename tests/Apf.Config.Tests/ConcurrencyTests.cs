using System.Net;
using System.Net.Http.Json;
using Apf.Config.Store;
using static Apf.Config.Tests.ApiTestSupport;

namespace Apf.Config.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Two_writers_of_the_same_queue_version_cannot_both_win()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1");

        var writes = Enumerable.Range(1, 8).Select(i => client.PutAsJsonAsync("/api/queues/q1",
            new { version = 1, settings = new Dictionary<string, string> { ["sched.maxpending.maximum"] = i.ToString() } }, Ct));
        var statuses = (await Task.WhenAll(writes)).Select(r => r.StatusCode).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        var history = (await GetJsonAsync(client, "/api/queues/q1/history")).GetProperty("entries");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal(2, (await GetJsonAsync(client, "/api/queues/q1")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Writers_of_different_queues_all_win()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);

        var creates = Enumerable.Range(1, 6).Select(i => client.PostAsJsonAsync("/api/queues",
            new { name = $"q{i}", settings = new Dictionary<string, string>() }, Ct));
        var statuses = (await Task.WhenAll(creates)).Select(r => r.StatusCode).ToList();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(6, (await GetJsonAsync(client, "/api/queues")).GetArrayLength());
        Assert.Equal(7, (await GetJsonAsync(client, "/api/factory")).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task The_in_memory_store_refuses_a_stale_revision()
    {
        var store = new InMemoryConfigStore();
        var first = StoredFactory.Empty with { Revision = 1, Factory = Keys.From([new("factoryId", "a")]) };
        var second = first with { Revision = 2, Factory = Keys.From([new("factoryId", "b")]) };

        Assert.True(await store.TryReplaceAsync(first, 0, [], Ct));
        Assert.False(await store.TryReplaceAsync(second, 0, [], Ct));
        Assert.True(await store.TryReplaceAsync(second, 1, [], Ct));
        Assert.False(await store.TryReplaceAsync(second with { Revision = 3 }, 1, [], Ct));
        Assert.Equal("b", (await store.LoadAsync(Ct)).Factory["factoryId"]);
    }
}
