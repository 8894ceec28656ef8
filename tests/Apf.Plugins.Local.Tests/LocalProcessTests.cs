using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Local.DirectoryQueue;
using Apf.Plugins.Local.LocalBatch;
using Apf.Plugins.Local.Pilot;

namespace Apf.Plugins.Local.Tests;

/// <summary>LocalProcess submit and status with real processes, through the shipped launcher.</summary>
public sealed class LocalProcessTests : IDisposable
{
    private static readonly BatchStatusQuery Query = new("q1", TimeSpan.FromHours(1), TimeSpan.FromMinutes(10));
    private readonly TempFolder _temp = new();
    private readonly LocalPilotStore _store;
    private readonly LocalProcessSubmit _submit;
    private readonly LocalProcessStatus _status;
    private readonly DirectoryJobQueue _wms;

    public LocalProcessTests()
    {
        _store = new LocalPilotStore(_temp["work"]);
        _submit = new LocalProcessSubmit(_store);
        _status = new LocalProcessStatus(_store, LocalProcessStatus.DefaultKeepEnded);
        _wms = new DirectoryJobQueue(_temp["wms"]);
    }

    public void Dispose()
    {
        new LocalPilotStopper(_store).StopAllAsync(null, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
        _temp.Dispose();
    }

    private PilotRequest Request(int count, string executable, PilotLabel? label = null, params string[] arguments) => new()
    {
        Label = label ?? new PilotLabel("f1", "q1", Guid.NewGuid()),
        Count = count,
        Executable = executable,
        Arguments = arguments,
        LogDirectory = _temp["logs/2026-11-25/q1"],
        Environment = new Dictionary<string, string>
        {
            ["APFFID"] = "f1",
            ["FACTORYQUEUE"] = "q1",
            ["APF_DIRQUEUE"] = _wms.QueuePath("wq"),
        },
    };

    private async Task<BatchQueueFigures> StatusAsync() =>
        (await _status.ReadAsync([Query], TestContext.Current.CancellationToken))["q1"];

    /// <summary>An executable that never reports it started: its pilots stay pending.</summary>
    private string NeverStartingWrapper()
    {
        var path = _temp[$"slow/{Path.GetFileName(PilotWrapper.DefaultPath)}"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/usr/bin/env bash\nsleep 60\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    [Fact]
    public async Task Pilots_run_the_directory_queue_and_end_done_with_their_logs_kept()
    {
        var ids = _wms.AddJobs("wq", 6, "echo job $APF_JOB_ID");
        var outcome = await _submit.SubmitAsync(Request(2, PilotWrapper.DefaultPath), TestContext.Current.CancellationToken);
        Assert.Equal(2, outcome.BatchIds.Count);

        await Poll.UntilAsync(() => _store.List("q1").All(p => p.HasEnded), "both pilots to end");
        var figures = await StatusAsync();

        Assert.Equal(new BatchQueueFigures { Done = 2, RecentlyEnded = 2, RecentlyEndedShort = 2 }, figures);
        Assert.Equal(new JobCounts(0, 0, 6, 0), _wms.Count("wq"));
        foreach (var id in outcome.BatchIds)
        {
            var pilot = _store.List("q1").Single(p => p.Id == id);
            Assert.Equal(0, pilot.ExitCode);
            var events = WrapperRun.ReadEvents(pilot.Directory);
            Assert.Equal(["start", "end"], events.Select(e => e.Kind));
            Assert.Equal(("f1", "q1", id), (events[0].Factory, events[0].Queue, events[0].PilotId));
            foreach (var log in new[] { ".out", ".err", ".log" })
                Assert.True(File.Exists(_temp[$"logs/2026-11-25/q1/{id}{log}"]), id + log);
            Assert.Contains("ended with exit code 0", File.ReadAllText(_temp[$"logs/2026-11-25/q1/{id}.log"]));
        }
        Assert.Equal(6, outcome.BatchIds.Sum(id => WrapperRun.ReadEvents(_store.List("q1").Single(p => p.Id == id).Directory)[^1].JobsRun));
        Assert.All(ids, id => Assert.Equal($"job {id}\n", File.ReadAllText(_temp[$"wms/wq/done/{id}.out"])));
    }

    [Fact]
    public async Task Submit_status_find_and_retire_round_trip()
    {
        var label = new PilotLabel("f1", "q1", Guid.NewGuid());
        var pending = await _submit.SubmitAsync(Request(3, NeverStartingWrapper(), label), TestContext.Current.CancellationToken);
        var working = await _submit.SubmitAsync(Request(1, PilotWrapper.DefaultPath, arguments: ["--", "sleep", "60"]) with
        {
            Environment = new Dictionary<string, string> { ["APFFID"] = "f1" },
        }, TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => _store.List("q1").Any(p => p.State == LocalPilotState.Running && p.CurrentJob == "payload"), "the working pilot to run its payload");

        Assert.Equal(new BatchQueueFigures { Pending = 3, Running = 1 }, await StatusAsync());
        Assert.Equal(pending.BatchIds.Order(), (await _submit.FindPilotsAsync(label, TestContext.Current.CancellationToken)).Order());
        Assert.Empty(await _submit.FindPilotsAsync(label with { CommandId = Guid.NewGuid() }, TestContext.Current.CancellationToken));

        var retired = await _submit.RetireAsync("f1", "q1", 5, TestContext.Current.CancellationToken);

        // Only the pending pilots: the other one is running its payload.
        Assert.Equal(pending.BatchIds.Order(), retired.Order());
        Assert.Empty(await _submit.RetireAsync("other-factory", "q1", 5, TestContext.Current.CancellationToken));
        await Poll.UntilAsync(() => _store.List("q1").Count(p => p.HasEnded) == 3, "the retired pilots to end");
        var figures = await StatusAsync();
        Assert.Equal((0, 1, 3, 0), (figures.Pending, figures.Running, figures.Done, figures.Failed));
        Assert.Equal(working.BatchIds, _store.List("q1").Where(p => !p.HasEnded).Select(p => p.Id));
    }

    [Fact]
    public async Task Status_survives_a_restart_because_it_lives_in_the_work_directory()
    {
        _wms.AddJobs("wq", 1, "sleep 60");
        var outcome = await _submit.SubmitAsync(Request(1, PilotWrapper.DefaultPath), TestContext.Current.CancellationToken);
        var restarted = new LocalProcessStatus(new LocalPilotStore(_temp["work"]), LocalProcessStatus.DefaultKeepEnded);
        await Poll.UntilAsync(() => _store.List("q1").Any(p => p.State == LocalPilotState.Running), "the pilot to start");

        var figures = (await restarted.ReadAsync([Query], TestContext.Current.CancellationToken))["q1"];

        Assert.Equal(1, figures.Running);
        Assert.Equal(outcome.BatchIds, await new LocalProcessSubmit(new LocalPilotStore(_temp["work"])).FindPilotsAsync(
            PilotLabel.TryParse(_store.List("q1")[0].Label, out var label) ? label : throw new InvalidOperationException(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stopping_all_pilots_puts_their_jobs_back_and_leaves_no_process()
    {
        _wms.AddJobs("wq", 2, "sleep 60");
        await _submit.SubmitAsync(Request(2, PilotWrapper.DefaultPath), TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => _wms.Count("wq")!.Running == 2, "both pilots to claim a job");

        var report = await new LocalPilotStopper(_store).StopAllAsync("f1", TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal((2, 0), (report.Signalled, report.Killed));
        Assert.Equal(new JobCounts(2, 0, 0, 0), _wms.Count("wq"));
        Assert.All(Directory.EnumerateFiles(_temp["wms/wq/ready"]), f => Assert.DoesNotContain("~", f));
        Assert.All(_store.List("q1"), p => Assert.Equal((LocalPilotState.Done, PilotWrapper.ExitTerminated), (p.State, p.ExitCode!.Value)));
        Assert.False(Posix.AnyProcessWith(_temp.Path), "no pilot or job process is left");
    }

    [Fact]
    public async Task A_pilot_killed_outright_is_failed_and_its_job_goes_back_with_an_attempt_count()
    {
        var id = _wms.AddJobs("wq", 1, "sleep 60").Single();
        await _submit.SubmitAsync(Request(1, PilotWrapper.DefaultPath), TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => _wms.Count("wq")!.Running == 1, "the pilot to claim the job");
        var pilot = _store.List("q1").Single();

        Posix.Kill(-pilot.ProcessGroup!.Value, Posix.SigKill);
        await Poll.UntilAsync(() => _store.List("q1").Single().HasEnded, "the store to see the pilot gone");
        var figures = await StatusAsync();

        Assert.Equal((1, 1), (figures.Failed, figures.RecentlyEnded));
        Assert.Null(_store.List("q1").Single().ExitCode);
        Assert.True(File.Exists(_temp[$"wms/wq/ready/{id}~2.job"]));
        await Poll.UntilAsync(() => !Posix.AnyProcessWith(_wms.QueuePath("wq")), "the orphaned job to be stopped", 5);
    }

    [Fact]
    public async Task Hostile_names_and_arguments_stay_arguments()
    {
        var hostile = Request(1, PilotWrapper.DefaultPath, new PilotLabel("f1", "x; rm -rf /", Guid.NewGuid()));
        await Assert.ThrowsAsync<ArgumentException>(() => _submit.SubmitAsync(hostile, TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(_store.Root) && Directory.EnumerateFileSystemEntries(_store.Root).Any());

        var marker = _temp["PWNED"];
        var request = Request(1, PilotWrapper.DefaultPath, arguments: ["--", "printf", "%s\\n", $"x; touch {marker}", $"$(touch {marker})"]) with
        {
            Environment = new Dictionary<string, string> { ["FACTORYQUEUE"] = $"q; touch {marker}" },
        };
        var id = (await _submit.SubmitAsync(request, TestContext.Current.CancellationToken)).BatchIds.Single();
        await Poll.UntilAsync(() => _store.List("q1").Single().HasEnded, "the pilot to end");

        Assert.Equal(0, _store.List("q1").Single().ExitCode);
        Assert.Equal($"x; touch {marker}\n$(touch {marker})\n", File.ReadAllText(_temp[$"logs/2026-11-25/q1/{id}.out"]));
        Assert.Equal($"q; touch {marker}", WrapperRun.ReadEvents(_store.List("q1").Single().Directory)[0].Queue);
        Assert.False(File.Exists(marker));
    }
}
