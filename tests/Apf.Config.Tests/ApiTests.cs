using System.Net;
using System.Net.Http.Json;
using Apf.Contracts;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apf.Config.Tests.ApiTestSupport;

namespace Apf.Config.Tests;

public class ApiTests
{
    [Fact]
    public async Task Writes_need_a_valid_key_and_reads_do_not()
    {
        await using var service = new ConfigServiceFactory();
        var body = new { name = "q1", settings = new Dictionary<string, string>() };

        var missing = await service.Client(key: null).PostAsJsonAsync("/api/queues", body, Ct);
        var wrong = await service.Client(key: "not-a-key-of-anyone-here").PostAsJsonAsync("/api/queues", body, Ct);
        var list = await service.Client(key: null).GetAsync("/api/queues", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, (await JsonAsync(list)).GetArrayLength());
    }

    [Fact]
    public async Task Reads_need_a_key_when_configured_so()
    {
        await using var service = new ConfigServiceFactory(new() { ["ConfigService:RequireKeyForReads"] = "true" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(key: null).GetAsync("/api/queues", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client(key: "wrong-key-wrong-key-1").GetAsync("/api/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client(ConfigServiceFactory.BobKey).GetAsync("/api/queues", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_queue_shows_its_effective_values_and_where_each_came_from()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);

        await CreateQueueAsync(client, "q1", new() { ["sched.maxpending.maximum"] = "7", ["apfqueue.sleep"] = "120" });
        var queue = await GetJsonAsync(client, "/api/queues/q1");
        var values = Effective(queue, out var origins);

        Assert.True(queue.GetProperty("valid").GetBoolean());
        Assert.Equal(1, queue.GetProperty("version").GetInt64());
        Assert.Equal(("7", "queue"), (values["sched.maxpending.maximum"], origins["sched.maxpending.maximum"]));
        Assert.Equal(("Panda", "defaults"), (values["wmsstatusplugin"], origins["wmsstatusplugin"]));
        Assert.Equal(("120", "queue"), (values["apfqueue.sleep"], origins["apfqueue.sleep"]));
        Assert.Equal(("360", "built-in"), (values["apfqueue.maxage"], origins["apfqueue.maxage"]));
        Assert.Equal(("q1", "built-in"), (values["wmsqueue"], origins["wmsqueue"]));
        Assert.Equal(("true", "built-in"), (values["enabled"], origins["enabled"]));
    }

    [Fact]
    public async Task A_write_with_a_stale_version_gets_409_and_changes_nothing()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1");

        var first = await client.PutAsJsonAsync("/api/queues/q1", new { version = 1, settings = new Dictionary<string, string> { ["sched.maxpending.maximum"] = "10" } }, Ct);
        var stale = await client.PutAsJsonAsync("/api/queues/q1", new { version = 1, settings = new Dictionary<string, string> { ["sched.maxpending.maximum"] = "99" } }, Ct);
        var stalePatch = await client.PatchAsJsonAsync("/api/queues/q1", new { version = 1, set = new Dictionary<string, string> { ["enabled"] = "false" } }, Ct);
        var staleDelete = await client.DeleteAsync("/api/queues/q1?version=1", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stalePatch.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        var queue = await GetJsonAsync(client, "/api/queues/q1");
        Assert.Equal(2, queue.GetProperty("version").GetInt64());
        Assert.Equal("10", queue.GetProperty("settings").GetProperty("sched.maxpending.maximum").GetString());
        Assert.False(queue.GetProperty("settings").TryGetProperty("enabled", out _));
    }

    [Fact]
    public async Task Invalid_input_gets_400_with_every_error_and_changes_nothing()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1");
        var before = await GetJsonAsync(client, "/api/factory");

        var response = await client.PutAsJsonAsync("/api/queues/q1", new
        {
            version = 1,
            settings = new Dictionary<string, string>
            {
                ["sched.maxpending.maximum"] = "lots",
                ["apfqueue.sleep"] = "soon",
                ["batchsubmitplugin"] = "NoSuchPlugin",
            },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (Queue: e.GetProperty("queue").GetString(), Key: e.GetProperty("key").GetString(), Source: e.GetProperty("source").GetString()))
            .ToList();
        Assert.Contains(("q1", "sched.maxpending.maximum", "config-service (queue q1)"), errors);
        Assert.Contains(("q1", "apfqueue.sleep", "config-service (queue q1)"), errors);
        Assert.Contains(("q1", "batchsubmitplugin", "config-service (queue q1)"), errors);
        Assert.Equal(3, errors.Count);
        var after = await GetJsonAsync(client, "/api/factory");
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
        Assert.Equal(1, (await GetJsonAsync(client, "/api/queues/q1")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Every_accepted_change_is_kept_in_the_history_with_its_author_and_values()
    {
        await using var service = new ConfigServiceFactory();
        var alice = service.Client();
        var bob = service.Client(ConfigServiceFactory.BobKey);
        await SeedFactoryAsync(alice);
        await CreateQueueAsync(alice, "q1", new() { ["sched.maxpending.maximum"] = "7" });
        service.Clock.Advance(TimeSpan.FromMinutes(5));
        var patch = await bob.PatchAsJsonAsync("/api/queues/q1", new { version = 1, set = new Dictionary<string, string> { ["sched.maxpending.maximum"] = "9" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var disable = await bob.PostAsync("/api/queues/q1/disable?version=2", null, Ct);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var entries = (await GetJsonAsync(alice, "/api/queues/q1/history")).GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(["created", "patched", "disabled"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["alice", "bob", "bob"], entries.Select(e => e.GetProperty("by").GetString()));
        Assert.Equal(service.Clock.GetUtcNow(), entries[1].GetProperty("at").GetDateTimeOffset());
        var change = Assert.Single(entries[1].GetProperty("changes").EnumerateArray());
        Assert.Equal(("sched.maxpending.maximum", "7", "9"),
            (change.GetProperty("key").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        Assert.Equal((2, 3), (entries[2].GetProperty("oldVersion").GetInt64(), entries[2].GetProperty("newVersion").GetInt64()));
        var factoryHistory = (await GetJsonAsync(alice, "/api/factory/history")).GetProperty("entries");
        Assert.Equal("replaced", Assert.Single(factoryHistory.EnumerateArray()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task Enable_disable_and_delete_check_the_version()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1");

        var disabled = await JsonAsync(await client.PostAsync("/api/queues/q1/disable?version=1", null, Ct));
        Assert.Equal("false", Effective(disabled, out _)["enabled"]);
        Assert.False((await GetJsonAsync(client, "/api/queues")).EnumerateArray().Single().GetProperty("enabled").GetBoolean());
        var enabled = await JsonAsync(await client.PostAsync("/api/queues/q1/enable?version=2", null, Ct));
        Assert.Equal(3, enabled.GetProperty("version").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/queues/q1?version=3", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/queues/q1", Ct)).StatusCode);
        Assert.Equal("deleted", (await GetJsonAsync(client, "/api/queues/q1/history")).GetProperty("entries")[3].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Writing_what_a_queue_already_holds_is_no_change()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1", new() { ["sched.maxpending.maximum"] = "7" });

        var same = await client.PutAsJsonAsync("/api/queues/q1", new { version = 1, settings = new Dictionary<string, string> { ["SCHED.MAXPENDING.MAXIMUM"] = "7" } }, Ct);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(1, (await JsonAsync(same)).GetProperty("version").GetInt64());
        Assert.Equal(1, (await GetJsonAsync(client, "/api/queues/q1/history")).GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Creating_an_existing_queue_is_a_conflict()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);
        var created = await client.PostAsJsonAsync("/api/queues", new { name = " q1 ", settings = new Dictionary<string, string>() }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/queues/q1", created.Headers.Location?.OriginalString);

        var again = await client.PostAsJsonAsync("/api/queues", new { name = " Q1 ", settings = new Dictionary<string, string>() }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Dry_run_validates_without_saving()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);

        var ok = await client.PostAsJsonAsync("/api/queues?dryRun=true", new { name = "q1", settings = new Dictionary<string, string>() }, Ct);
        var bad = await client.PostAsJsonAsync("/api/queues?dryRun=true", new { name = "q 2", settings = new Dictionary<string, string>() }, Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await JsonAsync(ok)).GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(client, "/api/queues")).GetArrayLength());
    }

    [Fact]
    public async Task Each_accepted_change_publishes_ConfigChanged()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        var harness = service.Services.GetRequiredService<ITestHarness>();
        await SeedFactoryAsync(client);
        await CreateQueueAsync(client, "q1");
        // A refused change publishes nothing.
        await client.PutAsJsonAsync("/api/queues/q1", new { version = 7, settings = new Dictionary<string, string>() }, Ct);

        var published = harness.Published.Select<ConfigChanged>(Ct).Select(m => m.Context.Message).ToList();

        Assert.Equal(2, published.Count);
        var created = published.Single(m => m.Version == 2);
        Assert.Equal(["q1"], created.Queues);
        Assert.Equal("alice", created.ChangedBy);
        Assert.Empty(published.Single(m => m.Version == 1).Queues);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints()
    {
        await using var service = new ConfigServiceFactory();

        var document = await GetJsonAsync(service.Client(key: null), "/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var path in (string[])["/api/queues", "/api/queues/{name}", "/api/queues/{name}/history", "/api/queues/{name}/enable",
                     "/api/factory", "/api/validate", "/api/export", "/api/import", "/api/import/apf"])
            Assert.Contains(path, paths);
    }
}
