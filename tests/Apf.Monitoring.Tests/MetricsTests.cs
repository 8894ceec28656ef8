using System.Globalization;
using System.Text.RegularExpressions;

namespace Apf.Monitoring.Tests;

public class MetricsTests
{
    [Fact]
    public async Task Metrics_expose_queue_gauges_counters_and_the_decision_latency_histogram()
    {
        await using var host = await MonitorHost.StartAsync();
        host.Time.Advance(TimeSpan.FromMilliseconds(40));   // the decision reaches the monitor 40 ms after it was made
        await host.DecideAsync(MonitorHost.Decision("analysis", 1, ready: 7, pending: 1, running: 2, decision: 3, action: "submit 3"));
        await host.DecideAsync(MonitorHost.Decision("analysis", 2, ready: 4, pending: 30, running: 2, decision: 0, action: "none"));
        await host.PilotAsync("p1", "start");
        await host.PilotAsync("p1", "end", exitCode: 0);
        // The pilot's record is visible before the listeners that count it have run: wait for the counters.
        await MonitorHost.Eventually(() => Sample(host, "apf_pilots_ended_total", "queue=\"analysis\"") == 1
            && Sample(host, "apf_pilots_empty_total", "queue=\"analysis\"") == 1
            && Sample(host, "apf_pilot_events_total", "kind=\"end\"") == 1);

        var text = await host.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(4, Sample(text, "apf_queue_wms_ready", "queue=\"analysis\""));
        Assert.Equal(30, Sample(text, "apf_queue_batch_pending", "queue=\"analysis\""));
        Assert.Equal(2, Sample(text, "apf_queue_batch_running", "queue=\"analysis\""));
        Assert.Equal(4, Sample(text, "apf_queue_batch_finished", "queue=\"analysis\""));
        Assert.Equal(1, Sample(text, "apf_queue_batch_failed", "queue=\"analysis\""));
        Assert.Equal(1, Sample(text, "apf_queue_health", "health=\"flooding\""));
        Assert.Equal(1, Sample(text, "apf_decisions_total", "action=\"submit\""));
        Assert.Equal(1, Sample(text, "apf_decisions_total", "action=\"none\""));
        Assert.Equal(1, Sample(text, "apf_pilots_ended_total", "queue=\"analysis\""));
        Assert.Equal(1, Sample(text, "apf_pilots_empty_total", "queue=\"analysis\""));
        Assert.Equal(1, Sample(text, "apf_pilot_events_total", "kind=\"end\""));
        Assert.Equal(2, Sample(text, "apf_decision_latency_seconds_count", "queue=\"analysis\""));
        // Both decisions arrived 40 ms late: below the 0.05 s bucket, above the 0.025 s one.
        Assert.Equal(2, Sample(text, "apf_decision_latency_seconds_bucket", "le=\"0.05\""));
        Assert.Equal(0, Sample(text, "apf_decision_latency_seconds_bucket", "le=\"0.025\""));
        Assert.Contains("# TYPE apf_decision_latency_seconds histogram", text);
    }

    public static double? Sample(MonitorHost host, string name, string label) =>
        Sample(host.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken).GetAwaiter().GetResult(), name, label);

    /// <summary>The value of the first sample of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    public static double? Sample(string text, string name, string label)
    {
        foreach (Match m in Regex.Matches(text, $@"^{Regex.Escape(name)}\{{(?<labels>[^}}]*)\}} (?<value>\S+)", RegexOptions.Multiline))
            if (m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
                return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return null;
    }
}
