using System.Collections.Concurrent;
using Apf.Plugins.Local.DirectoryQueue;

namespace Apf.Plugins.Local.Tests;

/// <summary>Pilot wrapper processes (bash, mv) and in-process claimers (File.Move) racing over one queue.</summary>
public sealed class ConcurrentClaimTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Wrapper_processes_and_threads_run_every_job_exactly_once()
    {
        const int jobs = 300, wrappers = 4, threads = 4;
        var queue = new DirectoryJobQueue(_temp["wms"]);
        var ledger = _temp["ledger"];
        // O_APPEND writes of one short line are atomic, so the ledger holds one line per run.
        var ids = queue.AddJobs("q", jobs, $"echo \"$APF_JOB_ID\" >> '{ledger}'");

        var runs = Enumerable.Range(0, wrappers).Select(i => WrapperRun.Start(_temp[$"pilot{i}"], new Dictionary<string, string>
        {
            ["APF_DIRQUEUE"] = queue.QueuePath("q"),
            ["APF_PILOT_ID"] = $"process-{i}",
        })).ToList();
        try
        {
            // Threads join once the processes are claiming, so both kinds really compete.
            await Poll.UntilAsync(() => File.Exists(ledger), "a wrapper to run its first job");
            var byThreads = new ConcurrentBag<string>();
            var claimers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
            {
                while (queue.Claim("q", $"thread-{t}") is { } job)
                {
                    byThreads.Add(job.Id);
                    Thread.Sleep(40); // about what a wrapper spends per job, so both kinds keep a fair share
                    queue.Complete(job, 0, "");
                }
            }, TestContext.Current.CancellationToken)).ToList();
            await Task.WhenAll(claimers);
            foreach (var run in runs) Assert.Equal(0, (await run.WaitAsync(TimeSpan.FromMinutes(2))).ExitCode);

            var byProcesses = File.ReadAllLines(ledger);
            TestContext.Current.TestOutputHelper?.WriteLine($"{byProcesses.Length} jobs run by {wrappers} wrapper processes, {byThreads.Count} by {threads} threads");
            Assert.NotEmpty(byProcesses);
            Assert.NotEmpty(byThreads);
            Assert.Equal(ids.Order(), byProcesses.Concat(byThreads).Order());
            Assert.Equal(new JobCounts(0, 0, jobs, 0), queue.Count("q"));
            var jobsPerWrapper = runs.Sum(r => r.Events()[^1].JobsRun);
            Assert.Equal(byProcesses.Length, jobsPerWrapper);
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
    }

    [Fact]
    public async Task Wrappers_stopped_mid_stream_leave_nothing_half_claimed()
    {
        const int jobs = 200;
        var queue = new DirectoryJobQueue(_temp["wms"]);
        var ids = queue.AddJobs("q", jobs, "echo ran");
        var runs = Enumerable.Range(0, 4).Select(i => WrapperRun.Start(_temp[$"pilot{i}"], new Dictionary<string, string>
        {
            ["APF_DIRQUEUE"] = queue.QueuePath("q"),
            ["APF_PILOT_ID"] = $"process-{i}",
        })).ToList();
        try
        {
            await Poll.UntilAsync(() => queue.Count("q")!.Done >= 10, "the wrappers to get going");
            foreach (var run in runs) Posix.Kill(run.Pid, Posix.SigTerm);
            foreach (var run in runs) Assert.Contains((await run.WaitAsync()).ExitCode, new[] { 0, 143 });

            var counts = queue.Count("q")!;
            Assert.Equal(0, counts.Running);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_temp["wms/q/running"]));
            Assert.InRange(counts.Done, 10, jobs - 1);
            string[] Ids(string state) => Directory.EnumerateFiles(_temp[$"wms/q/{state}"], "*.job").Select(f => Path.GetFileNameWithoutExtension(f)!).ToArray();
            Assert.Equal(ids.Order(), Ids("ready").Concat(Ids("done")).Order());
            Assert.All(Ids("done"), id => Assert.Equal("ran\n", File.ReadAllText(_temp[$"wms/q/done/{id}.out"])));
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
    }
}
