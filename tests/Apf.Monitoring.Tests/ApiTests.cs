using System.Net;
using Apf.Contracts;
using Apf.Monitoring.Api;

namespace Apf.Monitoring.Tests;

public class ApiTests
{
    [Fact]
    public async Task Overview_lists_each_queue_with_its_last_decision()
    {
        await using var host = await MonitorHost.StartAsync();
        await host.DecideAsync(MonitorHost.Decision("analysis", 1, ready: 7, pending: 1, running: 2, decision: 3, action: "submit 3"));
        await host.DecideAsync(MonitorHost.Decision("production", 1, ready: 4, pending: 0, running: 0, decision: 2, action: "hold: batch status stale"));
        host.Time.Advance(TimeSpan.FromSeconds(42));

        var list = await host.GetAsync<QueueList>("/api/queues");

        Assert.Equal(["analysis", "production"], list.Queues.Select(q => q.Queue));
        var analysis = list.Queues[0];
        Assert.Equal(7, analysis.Wms!.Ready);
        Assert.Equal(1, analysis.Batch!.Pending);
        Assert.Equal(2, analysis.Batch.Running);
        Assert.Equal(4, analysis.Batch.Done);
        Assert.Equal(3, analysis.Decision);
        Assert.Equal("submit 3", analysis.Action);
        Assert.Equal(3, analysis.ConfigVersion);
        Assert.Equal(2, analysis.Steps.Count);
        Assert.Equal(42.0, analysis.AgeSeconds!.Value);
        Assert.Equal("ok", analysis.Health);
        Assert.Equal("starved", list.Queues[1].Health);
    }

    [Fact]
    public async Task History_is_bounded_and_decisions_come_newest_first()
    {
        await using var host = await MonitorHost.StartAsync(o => { o.HistoryLength = 5; o.DecisionHistoryLength = 3; });
        for (var cycle = 1; cycle <= 8; cycle++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(3));
            await host.DecideAsync(MonitorHost.Decision("analysis", cycle, ready: 10 - cycle, pending: 1, running: 1, decision: 2, action: "submit 2", at: host.Time.GetUtcNow()));
        }

        var history = await host.GetAsync<QueueHistory>("/api/queues/analysis/history");
        var detail = await host.GetAsync<QueueDetail>("/api/queues/analysis");

        Assert.Equal([4L, 5, 6, 7, 8], history.Points.Select(p => p.Cycle));
        Assert.Equal([6, 5, 4, 3, 2], history.Points.Select(p => p.Ready));
        Assert.All(history.Points, p => Assert.Equal(2, p.Submitted));
        Assert.Equal([8L, 7, 6], detail.Decisions.Select(d => d.Cycle));
    }

    [Fact]
    public async Task A_held_decision_charts_no_submission()
    {
        await using var host = await MonitorHost.StartAsync();
        await host.DecideAsync(MonitorHost.Decision("analysis", 1, 5, 0, 0, 3, action: "hold: wms status stale (age 40 s > maxage 30 s)"));
        var history = await host.GetAsync<QueueHistory>("/api/queues/analysis/history");
        Assert.Equal(0, Assert.Single(history.Points).Submitted);
    }

    [Fact]
    public async Task A_failed_submission_marks_the_queue_erroring_until_one_succeeds()
    {
        await using var host = await MonitorHost.StartAsync();
        await host.DecideAsync(MonitorHost.Decision("analysis", 1, 5, 1, 1, 2, action: "submit 2"));
        await host.Bus.Publish(new PilotsSubmitted { Factory = "demo", Queue = "analysis", Requested = 2, Error = "sbatch: invalid partition" }, TestContext.Current.CancellationToken);
        await MonitorHost.Eventually(() => host.State.Summary("analysis")!.Health == "erroring");
        Assert.Equal("sbatch: invalid partition", host.State.Summary("analysis")!.LastSubmitError);

        await host.Bus.Publish(new PilotsSubmitted { Factory = "demo", Queue = "analysis", Requested = 2, BatchIds = ["1", "2"] }, TestContext.Current.CancellationToken);
        await MonitorHost.Eventually(() => host.State.Summary("analysis")!.Health == "ok");
        Assert.Equal(2, host.State.Summary("analysis")!.Pilots.Created);
    }

    [Fact]
    public async Task An_unknown_queue_is_404()
    {
        await using var host = await MonitorHost.StartAsync();
        using var detail = await host.Http.GetAsync("/api/queues/nope", TestContext.Current.CancellationToken);
        using var history = await host.Http.GetAsync("/api/queues/nope/history", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
    }

    [Fact]
    public async Task Pages_and_their_scripts_are_served()
    {
        await using var host = await MonitorHost.StartAsync();
        foreach (var (path, type) in new[] { ("/", "text/html"), ("/queues/analysis", "text/html"), ("/monitor/overview.js", "text/javascript"), ("/monitor/charts.js", "text/javascript"), ("/monitor/monitor.css", "text/css") })
        {
            using var response = await host.Http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        }
        using var missing = await host.Http.GetAsync("/monitor/nothing.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
