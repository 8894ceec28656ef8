using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Apf.EndToEnd.Tests;

public partial class EmbeddedFactoryTests
{
    [Fact]
    public async Task Real_pilots_drain_a_directory_queue_every_job_once_and_nothing_is_left_running()
    {
        using var run = new EmbeddedFactoryRun();
        run.WriteConfig();
        const int perQueue = 15;
        await run.AddJobsAsync("alpha", perQueue, "sleep 0.3; [ $((RANDOM % 5)) -eq 0 ] && exit 7; echo ok");
        await run.AddJobsAsync("beta", perQueue, "sleep 0.2; echo ok");

        var (code, output) = await run.RunToEndAsync(["run", "--config", run.ConfigFile, "--listen", "http://127.0.0.1:0", "--until-drained", "--timeout", "00:04:00"], TimeSpan.FromMinutes(5));

        Assert.True(code == 0, output);
        foreach (var queue in new[] { "alpha", "beta" })
        {
            Assert.Empty(run.Jobs(queue, "ready"));
            Assert.Empty(run.Jobs(queue, "running"));
        }
        var finished = run.Jobs("alpha", "done").Concat(run.Jobs("alpha", "failed")).Concat(run.Jobs("beta", "done")).Concat(run.Jobs("beta", "failed"))
            .Where(n => n.EndsWith(".job")).ToList();
        Assert.Equal(2 * perQueue, finished.Count);
        Assert.Equal(perQueue, run.Jobs("beta", "done").Count(n => n.EndsWith(".job")));

        // Every job ran exactly once.
        var runs = File.ReadAllLines(run.RunsLog).Where(l => l.Length > 0).ToList();
        Assert.Equal(2 * perQueue, runs.Count);
        Assert.Equal(runs.Count, runs.Distinct().Count());

        // Pilots asked for stay within the work plus one cycle of slack per queue (MaxPerCycle 3).
        var summary = SummaryLine().Match(output);
        Assert.True(summary.Success, output);
        var pilots = int.Parse(summary.Groups["pilots"].Value);
        Assert.InRange(pilots, 2, 2 * perQueue + 2 * 3);
        Assert.Equal(2 * perQueue, int.Parse(summary.Groups["done"].Value) + int.Parse(summary.Groups["failed"].Value));

        Assert.Empty(run.PilotProcesses());
    }

    [Fact]
    public async Task Interrupting_the_factory_stops_its_pilots_and_puts_their_jobs_back()
    {
        using var run = new EmbeddedFactoryRun();
        run.WriteConfig();
        await run.AddJobsAsync("alpha", 6, "sleep 120");

        using var factory = run.Start("run", "--config", run.ConfigFile, "--listen", "http://127.0.0.1:0");
        var output = new StringBuilder();
        var read = Task.WhenAll(EmbeddedFactoryRun.Pump(factory.StandardOutput, output), EmbeddedFactoryRun.Pump(factory.StandardError, output));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (run.Jobs("alpha", "running").Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no job was claimed in time:\n" + output);
            Assert.False(factory.HasExited, output.ToString());
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        // What Ctrl-C sends.
        Process.Start("kill", ["-INT", factory.Id.ToString()]).WaitForExit();
        await factory.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        await read;

        Assert.Empty(run.PilotProcesses());
        Assert.Empty(run.Jobs("alpha", "running"));
        Assert.Equal(6, run.Jobs("alpha", "ready").Count(n => n.EndsWith(".job")));
        Assert.Empty(run.Jobs("alpha", "failed"));
    }

    [GeneratedRegex(@"summary: jobs done (?<done>\d+), jobs failed (?<failed>\d+), jobs left \d+, pilots submitted (?<pilots>\d+)")]
    private static partial Regex SummaryLine();
}
