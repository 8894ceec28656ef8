using System.Text.Json;
using Apf.Monitoring.Api;

namespace Apf.Monitoring.Tests;

public class LiveUpdatesTests
{
    [Fact]
    public async Task An_open_stream_receives_the_row_of_a_queue_that_decided_and_a_pilot_that_reported()
    {
        await using var host = await MonitorHost.StartAsync();
        using var response = await host.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("hello", (await NextEventAsync(reader)).Type);

        await host.DecideAsync(MonitorHost.Decision("analysis", 5, ready: 9, pending: 0, running: 1, decision: 3, action: "submit 3"));
        var (type, data) = await NextEventAsync(reader);
        Assert.Equal("queue", type);
        var row = JsonSerializer.Deserialize<QueueSummary>(data, MonitorJson.Options)!;
        Assert.Equal(("analysis", 5L, 9, "submit 3"), (row.Queue, row.Cycle, row.Wms!.Ready, row.Action));

        await host.PilotAsync("p1", "start");
        (type, data) = await NextEventAsync(reader);
        Assert.Equal("pilot", type);
        Assert.Equal("p1", JsonSerializer.Deserialize<PilotView>(data, MonitorJson.Options)!.PilotId);
    }

    [Fact]
    public async Task Stopping_the_host_ends_open_streams()
    {
        var host = await MonitorHost.StartAsync();
        using var response = await host.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        await NextEventAsync(reader);
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.DisposeAsync();
        // Kestrel would otherwise wait its whole shutdown timeout (30 s by default) for the open stream.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
    }

    private static async Task<(string Type, string Data)> NextEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        string type = "message", data = "";
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && data.Length > 0) return (type, data);
            if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data += line[6..];
        }
        throw new EndOfStreamException("the stream ended");
    }
}
