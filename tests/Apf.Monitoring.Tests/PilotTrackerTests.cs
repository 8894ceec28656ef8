using Apf.Contracts;
using Apf.Factory.Pilots;

namespace Apf.Monitoring.Tests;

/// <summary>The tracker's figures offered to the Throttle plugin as an alternative to the batch system's.</summary>
public class PilotTrackerTests
{
    private static readonly DateTimeOffset T0 = MonitorHost.Start;

    private static PilotEvent Report(string id, string kind, TimeSpan at, string queue = "analysis") =>
        new() { Factory = "demo", Queue = queue, PilotId = id, Kind = kind, At = T0 + at };

    [Fact]
    public void Recently_ended_counts_ends_within_the_window_and_short_runs_among_them()
    {
        var tracker = new PilotTracker();
        tracker.Apply(Report("short", "start", TimeSpan.Zero));
        tracker.Apply(Report("short", "end", TimeSpan.FromSeconds(30)));
        tracker.Apply(Report("long", "start", TimeSpan.Zero));
        tracker.Apply(Report("long", "end", TimeSpan.FromMinutes(20)));
        tracker.Apply(Report("old", "start", TimeSpan.Zero));
        tracker.Apply(Report("old", "end", TimeSpan.FromSeconds(10)));
        tracker.Apply(Report("other", "start", TimeSpan.Zero, queue: "production"));
        tracker.Apply(Report("other", "end", TimeSpan.FromSeconds(5), queue: "production"));
        tracker.Apply(Report("running", "start", TimeSpan.Zero));

        // At 40 min with a 30 min window: "old" (ended at 10 s) and "short" (30 s) are out, "long" (20 min) is in.
        Assert.Equal((1, 0), tracker.RecentlyEnded("analysis", T0 + TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(2)));
        // At 25 min: all three ended within the window; "short" and "old" ran under 2 min.
        Assert.Equal((3, 2), tracker.RecentlyEnded("analysis", T0 + TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Changed_reports_every_event_with_the_updated_record()
    {
        var tracker = new PilotTracker();
        var seen = new List<(string Kind, int JobsRun)>();
        tracker.Changed += (e, record) => seen.Add((e.Kind, record.JobsRun));
        tracker.Apply(Report("p", "start", TimeSpan.Zero));
        tracker.Apply(Report("p", "heartbeat", TimeSpan.FromMinutes(1)) with { JobsRun = 2 });
        Assert.Equal([("start", 0), ("heartbeat", 2)], seen);
    }
}
