using System.Net;
using System.Text.Json;
using Apf.Contracts;
using Apf.Plugins.Local.DirectoryQueue;
using Apf.Plugins.Local.Pilot;

namespace Apf.Plugins.Local.Tests;

/// <summary>The real wrapper (bash) run on a temporary directory queue.</summary>
public sealed class PilotWrapperTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DirectoryJobQueue _queue;

    public PilotWrapperTests() => _queue = new DirectoryJobQueue(_temp["wms"]);

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string> Environment(string wmsQueue, string pilotId = "p1") => new()
    {
        ["APF_DIRQUEUE"] = _queue.QueuePath(wmsQueue),
        ["APF_PILOT_ID"] = pilotId,
        ["APFFID"] = "factory1",
        ["FACTORYQUEUE"] = "queue1",
    };

    [Fact]
    public async Task Runs_every_job_keeping_outputs_and_exit_codes()
    {
        var good = _queue.AddJobs("q", 2, "echo \"hello from $APF_JOB_ID\"");
        var bad = _queue.AddJobs("q", 1, "echo oops >&2; exit 3");
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"));

        var (exit, stderr) = await run.WaitAsync();

        Assert.True(exit == 0, stderr);
        Assert.Equal(new JobCounts(0, 0, 2, 1), _queue.Count("q"));
        foreach (var id in good)
        {
            Assert.Equal($"hello from {id}\n", File.ReadAllText(_temp[$"wms/q/done/{id}.out"]));
            Assert.Equal("0", File.ReadAllText(_temp[$"wms/q/done/{id}.exit"]).Trim());
        }
        Assert.Equal("oops\n", File.ReadAllText(_temp[$"wms/q/failed/{bad[0]}.out"]));
        Assert.Equal("3", File.ReadAllText(_temp[$"wms/q/failed/{bad[0]}.exit"]).Trim());

        var profile = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_temp["pilot/profile.json"]))!;
        Assert.Equal(System.Environment.ProcessorCount.ToString(), profile["cpus"]);
        Assert.True(int.Parse(profile["memoryAvailableMb"]) > 0);
        Assert.True(int.Parse(profile["diskFreeMb"]) > 0);

        var events = run.Events();
        Assert.Equal(["start", "end"], events.Select(e => e.Kind));
        var end = events[^1];
        Assert.Equal((0, 3, 1), (end.ExitCode!.Value, end.JobsRun, end.JobsFailed));
        Assert.Equal(("factory1", "queue1", "p1"), (end.Factory, end.Queue, end.PilotId));
        Assert.Equal(profile["cpus"], end.Profile!["cpus"]);
    }

    [Fact]
    public async Task The_demo_job_runs()
    {
        var id = _queue.AddJobs("q", 1, DirectoryJobQueue.DemoJob).Single();
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"));
        Assert.Equal(0, (await run.WaitAsync()).ExitCode);
        Assert.StartsWith($"job {id} ran on ", File.ReadAllText(_temp[$"wms/q/done/{id}.out"]));
    }

    [Fact]
    public async Task A_pilot_that_finds_no_job_is_an_empty_pilot()
    {
        _queue.EnsureQueue("q");
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"));

        var (exit, stderr) = await run.WaitAsync();

        Assert.True(exit == 0, stderr);
        var end = run.Events()[^1];
        Assert.Equal(("end", 0), (end.Kind, end.JobsRun));
        Assert.Contains("empty pilot", end.Message);
    }

    [Fact]
    public async Task An_unfit_node_exits_with_the_documented_code_and_runs_nothing()
    {
        _queue.AddJobs("q", 1, "true");
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"), "--require", "bash,apf-no-such-command");

        var (exit, stderr) = await run.WaitAsync();

        Assert.Equal(PilotWrapper.ExitNodeUnfit, exit);
        Assert.Contains("required command 'apf-no-such-command' not found", stderr);
        Assert.Equal(new JobCounts(1, 0, 0, 0), _queue.Count("q"));
        var end = Assert.Single(run.Events());
        Assert.Equal(("end", PilotWrapper.ExitNodeUnfit), (end.Kind, end.ExitCode));
        Assert.True(File.Exists(_temp["pilot/profile.json"]));
    }

    [Fact]
    public async Task Too_little_disk_is_unfit_too()
    {
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"), "--min-disk-mb", "999999999");
        var (exit, stderr) = await run.WaitAsync();
        Assert.Equal(PilotWrapper.ExitNodeUnfit, exit);
        Assert.Contains("free disk", stderr);
    }

    [Fact]
    public async Task Sigterm_during_a_job_puts_the_job_back_in_ready()
    {
        var id = _queue.AddJobs("q", 1, "sleep 60").Single();
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"));
        await Poll.UntilAsync(() => File.Exists(_temp["pilot/current-job"]), "the wrapper to claim the job");

        Posix.Kill(run.Pid, Posix.SigTerm);
        var (exit, _) = await run.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(PilotWrapper.ExitTerminated, exit);
        Assert.Equal(new JobCounts(1, 0, 0, 0), _queue.Count("q"));
        Assert.True(File.Exists(_temp[$"wms/q/ready/{id}.job"]), "same name, same attempt");
        Assert.Empty(Directory.EnumerateFiles(_temp["wms/q/running"]));
        Assert.Equal("stopped by TERM", run.Events()[^1].Message);
        Assert.False(Posix.AnyProcessWith(_queue.QueuePath("q")), "the job's processes were stopped");
    }

    [Fact]
    public async Task Heartbeats_are_reported_while_a_job_runs()
    {
        _queue.AddJobs("q", 1, "sleep 5");
        var environment = Environment("q");
        environment["APF_HEARTBEAT_INTERVAL"] = "1";
        using var run = WrapperRun.Start(_temp["pilot"], environment);
        Assert.Equal(0, (await run.WaitAsync()).ExitCode);
        var kinds = run.Events().Select(e => e.Kind).ToList();
        Assert.Equal(("start", "end"), (kinds[0], kinds[^1]));
        Assert.InRange(kinds.Count(k => k == "heartbeat"), 1, 6);
    }

    [Fact]
    public async Task A_job_over_its_timeout_fails_with_exit_124()
    {
        var id = _queue.AddJobs("q", 1, "sleep 30").Single();
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"), "--job-timeout", "1");
        var (exit, stderr) = await run.WaitAsync();
        Assert.True(exit == 0, stderr);
        Assert.Equal("124", File.ReadAllText(_temp[$"wms/q/failed/{id}.exit"]).Trim());
    }

    [Fact]
    public async Task The_lifetime_ends_the_pilot_and_returns_a_cut_job()
    {
        _queue.AddJobs("q", 2, "sleep 30");
        using var run = WrapperRun.Start(_temp["pilot"], Environment("q"), "--lifetime", "1");
        var (exit, stderr) = await run.WaitAsync();
        Assert.True(exit == 0, stderr);
        Assert.Equal(new JobCounts(2, 0, 0, 0), _queue.Count("q"));
        Assert.Contains("lifetime", run.Events()[^1].Message);
    }

    [Fact]
    public async Task Events_are_posted_to_the_monitor_and_a_dead_monitor_costs_nothing()
    {
        _queue.AddJobs("q", 1, "true");
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Path, PilotEvent Event)>();
        var serving = Task.Run(async () =>
        {
            while (received.Count < 2)
            {
                var context = await listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                var pilotEvent = JsonSerializer.Deserialize<PilotEvent>(await reader.ReadToEndAsync(), JsonSerializerOptions.Web)!;
                lock (received) received.Add((context.Request.Url!.AbsolutePath, pilotEvent));
                context.Response.StatusCode = 202;
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);

        var environment = Environment("q");
        environment["APF_MONITOR_URL"] = $"http://127.0.0.1:{port}/";
        using (var run = WrapperRun.Start(_temp["pilot"], environment))
            Assert.Equal(0, (await run.WaitAsync()).ExitCode);
        await serving.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.All(received, r => Assert.Equal("/api/pilots/events", r.Path));
        Assert.Equal(["start", "end"], received.Select(r => r.Event.Kind));
        Assert.Equal(1, received[1].Event.JobsRun);

        listener.Stop();
        _queue.AddJobs("q", 1, "true");
        using var unreported = WrapperRun.Start(_temp["pilot2"], environment);
        var (exit, stderr) = await unreported.WaitAsync();
        Assert.Equal(0, exit);
        Assert.Contains("could not report", stderr);
        Assert.Equal(2, _queue.Count("q")!.Done);
    }

    [Fact]
    public async Task A_queue_name_full_of_shell_is_only_a_name()
    {
        const string name = "x; touch PWNED; $(touch PWNED2)";
        var id = _queue.AddJobs(name, 1, "echo ran").Single();
        var environment = Environment(name, "p; touch PWNED3");
        environment["FACTORYQUEUE"] = name;
        using var run = WrapperRun.Start(_temp["pilot"], environment);

        var (exit, stderr) = await run.WaitAsync();

        Assert.True(exit == 0, stderr);
        Assert.Equal("ran\n", File.ReadAllText(Path.Combine(_queue.QueuePath(name), "done", id + ".out")));
        Assert.Equal(name, run.Events()[^1].Queue);
        Assert.Equal("p__touch_PWNED3", run.Events()[^1].PilotId);
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "PWNED*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Without_a_directory_queue_it_runs_the_command_given_after_the_separator()
    {
        using var run = WrapperRun.Start(_temp["pilot"], new Dictionary<string, string>(), "--", "bash", "-c", "exit 5");
        var (exit, _) = await run.WaitAsync();
        Assert.Equal(5, exit);
        Assert.Equal((5, 1, 1), (run.Events()[^1].ExitCode!.Value, run.Events()[^1].JobsRun, run.Events()[^1].JobsFailed));
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
