using Apf.Contracts;
using Apf.Plugins.Wms.Http;

namespace Apf.Plugins.Wms.Tests;

public sealed class HttpJsonTests
{
    private const string Summary = """
        {"updated": "2026-11-25T13:00:00Z",
         "queues": {"ANALY_BNL": {"jobs": {"ready": 40, "running": "12", "waiting": 3}, "state": "online"},
                    "O'Brien": {"jobs": {"ready": 1, "running": 0}, "state": "test"},
                    "BROKEN": {"jobs": {"ready": "many"}}},
         "sites": [{"name": "ANALY_BNL", "done": 7}]}
        """;

    private readonly PluginHarness _harness = new();

    [Fact]
    public async Task One_request_serves_every_queue_through_the_paths()
    {
        await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json(Summary));
        var plugin = _harness.Create("HttpJson",
            ("wmsstatus.httpjson.url", server.BaseUri + "summary"),
            ("wmsstatus.httpjson.ready", "$.queues['{queue}'].jobs.ready"),
            ("wmsstatus.httpjson.running", "$.queues['{queue}'].jobs.running"),
            ("wmsstatus.httpjson.notready", "$.queues['{queue}'].jobs.waiting"),
            ("wmsstatus.httpjson.done", "$.sites[?(@.name == '{queue}')].done"),
            ("wmsstatus.httpjson.site", "$.queues['{queue}'].state"));
        Assert.Empty(_harness.Errors);

        var figures = await plugin.ReadAsync(["ANALY_BNL", "O'Brien", "ABSENT"], TestContext.Current.CancellationToken);

        Assert.Single(server.Requests);
        Assert.Equal(new WmsQueueFigures { Ready = 40, Running = 12, NotReady = 3, Done = 7, Site = SiteState.Online }, figures["ANALY_BNL"]);
        Assert.Equal(new WmsQueueFigures { Ready = 1, Site = SiteState.Test }, figures["O'Brien"]);
        Assert.False(figures.ContainsKey("ABSENT"));
    }

    [Fact]
    public async Task A_queue_placeholder_in_the_url_asks_once_per_queue()
    {
        await using var server = await TestHttpServer.StartAsync(context =>
            TestHttpServer.Json($$"""{"data": [{"queue": "{{context.Request.Path.Value![7..]}}", "activated": 5, "running": 2}]}""")(context));
        var plugin = _harness.Create("HttpJson",
            ("wmsstatus.httpjson.url", server.BaseUri + "queue/{queue}"),
            ("wmsstatus.httpjson.ready", "$.data[0].activated"),
            ("wmsstatus.httpjson.running", "$.data[0].running"));

        var figures = await plugin.ReadAsync(["A", "B c"], TestContext.Current.CancellationToken);

        Assert.Equal(["/queue/A", "/queue/B%20c"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(5, figures["B c"].Ready);
        Assert.Equal(2, figures["A"].Running);
    }

    [Fact]
    public async Task A_value_that_is_not_a_count_fails_naming_the_key()
    {
        await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json(Summary));
        var plugin = _harness.Create("HttpJson",
            ("wmsstatus.httpjson.url", server.BaseUri + "summary"),
            ("wmsstatus.httpjson.ready", "$.queues['{queue}'].jobs.ready"));

        var e = await Assert.ThrowsAsync<WmsException>(() => plugin.ReadAsync(["BROKEN"], TestContext.Current.CancellationToken));

        Assert.Contains("wmsstatus.httpjson.ready", e.Message);
        Assert.Contains("\"many\"", e.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_fails_clearly()
    {
        await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json("<html>maintenance</html>"));
        var plugin = _harness.Create("HttpJson", ("wmsstatus.httpjson.url", server.BaseUri + "s"), ("wmsstatus.httpjson.ready", "$.ready"));

        var e = await Assert.ThrowsAsync<WmsException>(() => plugin.ReadAsync(["Q"], TestContext.Current.CancellationToken));

        Assert.Contains("not JSON", e.Message);
    }

    [Theory]
    [InlineData("wmsstatus.httpjson.ready", "$.queues[")]
    [InlineData("wmsstatus.httpjson.running", "$.a[?(@.x ==")]
    [InlineData("wmsstatus.httpjson.url", "not a url")]
    public void Bad_options_are_reported_with_their_key(string key, string value)
    {
        var settings = new Dictionary<string, string> { ["wmsstatus.httpjson.url"] = "http://wms.example.org/status", ["wmsstatus.httpjson.ready"] = "$.ready" };
        settings[key] = value;
        _harness.Create("HttpJson", settings.Select(kv => (kv.Key, kv.Value)).ToArray());

        Assert.Contains(_harness.Errors, e => e.Key == key);
    }

    [Fact]
    public void The_ready_path_is_required()
    {
        _harness.Create("HttpJson", ("wmsstatus.httpjson.url", "http://wms.example.org/status"));

        Assert.Contains(_harness.Errors, e => e.Key == "wmsstatus.httpjson.ready" && e.Message.Contains("required"));
    }
}
