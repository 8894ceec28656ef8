using System.Net;
using System.Net.Http.Json;
using Apf.Config.Store;
using static Apf.Config.Tests.ApiTestSupport;

namespace Apf.Config.Tests;

/// <summary>The MongoDB store against a real server (see <see cref="MongoServer"/>); skipped, with the reason, where there is none.</summary>
public class MongoConfigStoreTests(MongoServer server) : IClassFixture<MongoServer>
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private MongoConfigStore NewStore() => new(server.NewDatabase(out _));

    private static StoredFactory Config(long revision, string maximum) => StoredFactory.Empty with
    {
        Revision = revision,
        FactoryVersion = 1,
        Factory = Keys.From([new("factoryId", "f1"), new("maxperfactory.maximum", "500")]),
        Defaults = Keys.From([new("sched.maxpending.maximum", maximum)]),
        Queues =
        [
            new StoredQueue("zeta", 3, Keys.From([new("batchsubmit.slurm.partition", "debug")]), At, "alice"),
            new StoredQueue("alpha", 1, Keys.Empty, At, "bob"),
        ],
        UpdatedAt = At,
        UpdatedBy = "alice",
    };

    private static HistoryEntry Entry(string target, long revision, string by) => new()
    {
        Target = target,
        Action = "patched",
        Revision = revision,
        OldVersion = revision - 1,
        NewVersion = revision,
        At = At.AddMinutes(revision),
        By = by,
        Changes = [new SettingChange("sched.maxpending.maximum", "1", null)],
    };

    [Fact]
    public async Task An_empty_database_holds_revision_zero()
    {
        var store = NewStore();

        Assert.Equal(StoredFactory.Empty, await store.LoadAsync(Ct));
    }

    [Fact]
    public async Task What_is_stored_loads_back_with_dotted_keys_and_queue_order()
    {
        var store = NewStore();
        var config = Config(1, "25");

        Assert.True(await store.TryReplaceAsync(config, 0, [], Ct));
        var loaded = await store.LoadAsync(Ct);

        Assert.Equal((1, 1), (loaded.Revision, loaded.FactoryVersion));
        Assert.Equal("500", loaded.Factory["MaxPerFactory.Maximum"]);
        Assert.Equal("25", loaded.Defaults["sched.maxpending.maximum"]);
        Assert.Equal(["zeta", "alpha"], loaded.Queues.Select(q => q.Name));
        Assert.Equal(("debug", 3, At, "alice"), (loaded.Queues[0].Settings["batchsubmit.slurm.partition"], loaded.Queues[0].Version, loaded.Queues[0].UpdatedAt, loaded.Queues[0].UpdatedBy));
    }

    [Fact]
    public async Task A_stale_revision_changes_nothing()
    {
        var store = NewStore();
        Assert.True(await store.TryReplaceAsync(Config(1, "25"), 0, [], Ct));
        Assert.True(await store.TryReplaceAsync(Config(2, "30"), 1, [Entry("alpha", 2, "alice")], Ct));

        Assert.False(await store.TryReplaceAsync(Config(2, "99"), 1, [Entry("alpha", 2, "mallory")], Ct));
        Assert.False(await store.TryReplaceAsync(Config(1, "99"), 0, [], Ct));

        Assert.Equal("30", (await store.LoadAsync(Ct)).Defaults["sched.maxpending.maximum"]);
        Assert.Equal(["alice"], (await store.HistoryAsync("alpha", Ct)).Select(h => h.By));
    }

    [Fact]
    public async Task Of_writers_racing_from_the_same_revision_exactly_one_wins()
    {
        var store = NewStore();
        Assert.True(await store.TryReplaceAsync(Config(1, "25"), 0, [], Ct));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            store.TryReplaceAsync(Config(2, i.ToString()), 1, [Entry("alpha", 2, $"writer{i}")], Ct)));

        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        Assert.Equal(winner.ToString(), (await store.LoadAsync(Ct)).Defaults["sched.maxpending.maximum"]);
        Assert.Equal([$"writer{winner}"], (await store.HistoryAsync("alpha", Ct)).Select(h => h.By));
    }

    [Fact]
    public async Task Of_first_writers_racing_on_an_empty_database_exactly_one_wins()
    {
        var store = NewStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.TryReplaceAsync(Config(1, i.ToString()), 0, [], Ct)));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task History_comes_back_oldest_first_whatever_the_case_of_the_name()
    {
        var store = NewStore();
        Assert.True(await store.TryReplaceAsync(Config(1, "1"), 0, [Entry("Alpha", 1, "alice")], Ct));
        Assert.True(await store.TryReplaceAsync(Config(2, "2"), 1, [Entry("alpha", 2, "bob"), Entry("zeta", 2, "bob")], Ct));

        var history = await store.HistoryAsync("ALPHA", Ct);

        Assert.Equal([1L, 2L], history.Select(h => h.Revision));
        var change = Assert.Single(history[0].Changes);
        Assert.Equal(("sched.maxpending.maximum", "1", (string?)null), (change.Key, change.Old, change.New));
        Assert.Equal(At.AddMinutes(1), history[0].At);
    }

    [Fact]
    public async Task The_api_over_mongodb_refuses_a_stale_version()
    {
        server.NewDatabase(out var database);
        await using var service = new ConfigServiceFactory(new()
        {
            ["Store:Kind"] = "MongoDb",
            ["Store:ConnectionString"] = server.ConnectionString,
            ["Store:Database"] = database,
        });
        var client = service.Client();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1");

        var first = await client.PatchAsJsonAsync("/api/queues/q1", new { version = 1, set = new Dictionary<string, string> { ["sched.maxpending.maximum"] = "5" } }, Ct);
        var stale = await client.PatchAsJsonAsync("/api/queues/q1", new { version = 1, set = new Dictionary<string, string> { ["sched.maxpending.maximum"] = "6" } }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, stale.StatusCode));
        Assert.Equal(2, (await GetJsonAsync(client, "/api/queues/q1/history")).GetProperty("entries").GetArrayLength());
    }
}
