using System.Net.Http.Headers;
using System.Text;
using Apf.Monitoring.Api;

namespace Apf.Monitoring.Tests;

public class HeartbeatTests
{
    private static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(10);

    private static Task<MonitorHost> StartAsync() => MonitorHost.StartAsync(o =>
    {
        o.PilotLostAfter = LostAfter;
        o.ShortRun = TimeSpan.FromMinutes(2);
        o.RecentWindow = TimeSpan.FromMinutes(30);
    });

    public static TheoryData<string> BadPayloads =>
    [
        "not json at all",
        "[]",
        """{"factory":"demo","queue":"analysis","kind":"start"}""",
        """{"factory":"demo","queue":"analysis","pilotId":"p9","kind":"exploded"}""",
        """{"factory":"demo","queue":"analysis","pilotId":"p9","kind":"end","jobsRun":-1}""",
        """{"factory":"","queue":"analysis","pilotId":"p9","kind":"start"}""",
        """{"factory":"demo","queue":"analysis","pilotId":"p9","kind":"heartbeat","jobsRun":"many"}""",
    ];

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task A_bad_payload_gets_400_and_changes_nothing(string body)
    {
        await using var host = await StartAsync();
        await host.PilotAsync("p1", "start");
        var before = await host.Http.GetStringAsync("/api/pilots", TestContext.Current.CancellationToken);

        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await host.Http.PostAsync("/api/pilots/events", content, TestContext.Current.CancellationToken);
        // A valid report sent after the bad one is seen: had the bad one got through, it would be seen too.
        await host.PilotAsync("p2", "start", queue: "production");

        Assert.Equal(400, (int)response.StatusCode);
        var pilots = await host.GetAsync<List<PilotView>>("/api/pilots");
        Assert.Equal(["p1", "p2"], pilots.Select(p => p.PilotId).Order());
        Assert.Equal(before, await host.Http.GetStringAsync("/api/pilots?queue=analysis", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_pilot_that_stops_beating_is_lost_after_the_configured_time()
    {
        await using var host = await StartAsync();
        await host.PilotAsync("p1", "start");
        await host.PilotAsync("p2", "start");

        host.Time.Advance(TimeSpan.FromMinutes(6));
        await host.PilotAsync("p2", "heartbeat", jobsRun: 1);
        host.Time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1));   // p1 silent 10 min 1 s, p2 4 min 1 s

        var lost = await host.GetAsync<List<PilotView>>("/api/pilots?state=lost");
        Assert.Equal("p1", Assert.Single(lost).PilotId);
        Assert.Equal("running", (await host.GetAsync<PilotView>("/api/pilots/p2")).State);
        Assert.Equal(1, host.State.Summary("analysis")!.Pilots.Lost);
        // The watcher, ticking on the same clock, has counted it, once.
        await MonitorHost.Eventually(() => MetricsTests.Sample(host, "apf_pilots_lost_total", "queue=\"analysis\"") == 1);
        Assert.Empty(host.Watcher.Check());

        // A lost pilot that speaks again is running again.
        await host.PilotAsync("p1", "heartbeat");
        Assert.Equal("running", (await host.GetAsync<PilotView>("/api/pilots/p1")).State);
    }

    [Fact]
    public async Task Exactly_at_the_limit_a_pilot_is_not_yet_lost()
    {
        await using var host = await StartAsync();
        await host.PilotAsync("p1", "start");
        host.Time.Advance(LostAfter);
        Assert.Equal("running", (await host.GetAsync<PilotView>("/api/pilots/p1")).State);
    }

    [Fact]
    public async Task An_ended_pilot_shows_exit_code_wall_time_and_jobs_and_is_never_lost()
    {
        await using var host = await StartAsync();
        await host.PilotAsync("p1", "start");
        host.Time.Advance(TimeSpan.FromSeconds(90));
        await host.PilotAsync("p1", "end", jobsRun: 0, exitCode: 0);
        await host.PilotAsync("p2", "start");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.PilotAsync("p2", "end", jobsRun: 3, exitCode: 1);
        host.Time.Advance(TimeSpan.FromHours(1));

        var p1 = await host.GetAsync<PilotView>("/api/pilots/p1");
        var p2 = await host.GetAsync<PilotView>("/api/pilots/p2");
        Assert.Equal(("ended", 0, 90.0, 0), (p1.State, p1.ExitCode, p1.WallSeconds, p1.JobsRun));
        Assert.Equal(("ended", 1, 300.0, 3), (p2.State, p2.ExitCode, p2.WallSeconds, p2.JobsRun));
        Assert.Equal("4", p1.Profile!["cpus"]);
        Assert.Equal("node-1", p1.Host);
        var figures = host.State.Summary("analysis")!.Pilots;
        Assert.Equal((2, 1, 0), (figures.Ended, figures.Empty, figures.Lost));
        // An hour later both ended outside the 30 min window.
        Assert.Equal((0, 0), (figures.RecentlyEnded, figures.RecentlyEndedShort));
    }

    [Fact]
    public async Task Short_lived_pilots_are_counted_for_the_throttle()
    {
        await using var host = await StartAsync();
        await host.PilotAsync("short", "start");
        await host.PilotAsync("long", "start");
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await host.PilotAsync("short", "end", exitCode: 1);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.PilotAsync("long", "end", jobsRun: 2, exitCode: 0);

        var figures = host.State.Summary("analysis")!.Pilots;
        Assert.Equal((2, 1), (figures.RecentlyEnded, figures.RecentlyEndedShort));
    }

    [Fact]
    public async Task Pilots_silent_beyond_the_retention_are_forgotten()
    {
        await using var host = await MonitorHost.StartAsync(o => { o.PilotRetention = TimeSpan.FromMinutes(100); o.LostCheckInterval = TimeSpan.FromHours(1); });
        await host.PilotAsync("old", "start");
        host.Time.Advance(TimeSpan.FromMinutes(90));
        await host.PilotAsync("young", "start");
        host.Time.Advance(TimeSpan.FromMinutes(31));   // the check at 120 min finds old silent 120 min (> 100), young 30 min

        await MonitorHost.Eventually(() => host.State.Pilots().Count == 1);
        Assert.Equal("young", Assert.Single(await host.GetAsync<List<PilotView>>("/api/pilots")).PilotId);
    }
}
