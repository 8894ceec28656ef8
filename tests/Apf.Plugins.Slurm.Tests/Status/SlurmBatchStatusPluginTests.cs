using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Status;
using Apf.Plugins.Slurm.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Apf.Plugins.Slurm.Tests.Status;

public sealed class SlurmBatchStatusPluginTests
{
    private const string Q1 = "apf.fac.q1.0123456789abcdef0123456789abcdef";
    private const string Q2 = "apf.fac.q2.0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly BatchStatusQuery[] Queries =
        [new("q1", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), new("q2", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), new("q3", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5))];

    private static string Line(string id, string state, string name, string start = "N/A", string end = "N/A") =>
        $"{id}|X|{state}|None|2026-11-25T09:59:00|{start}|{end}|{name}|(null)\n";

    private static string Local(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Pilots_are_counted_per_queue_by_label_and_foreign_jobs_are_ignored()
    {
        var runner = new ScriptedRunner().On("squeue",
            Line("20_[0-2]", "PENDING", Q1) + Line("20_3", "RUNNING", Q1, Local(Start)) + Line("21", "CONFIGURING", Q2) +
            Line("22", "RUNNING", "apf.otherfactory.q1.0123456789abcdef0123456789abcdef") + Line("23", "RUNNING", "wrap") +
            Line("24", "RUNNING", "apf.fac.q1.not-a-command-id"));
        using var plugin = new SlurmBatchStatusPlugin(new SlurmClient(runner, SqueueFormat.Text), "fac", new FakeTimeProvider(Start));

        var figures = await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);

        Assert.Equal(new BatchQueueFigures { Pending = 3, Running = 1 }, figures["q1"]);
        Assert.Equal(new BatchQueueFigures { Pending = 1 }, figures["q2"]);
        Assert.Equal(new BatchQueueFigures(), figures["q3"]);
        Assert.Equal(["-h", "--states=all", "-o", "%i|%t|%T|%r|%V|%S|%e|%j|%k"], runner.Commands.Single().Arguments);
    }

    [Fact]
    public async Task Pilots_that_leave_squeue_are_looked_up_and_count_as_done_failed_and_recently_ended()
    {
        var time = new FakeTimeProvider(Start);
        var runner = new ScriptedRunner().On("squeue",
            Line("30_0", "RUNNING", Q1, Local(Start)) + Line("30_1", "RUNNING", Q1, Local(Start)) + Line("30_2", "RUNNING", Q1, Local(Start)) + Line("31", "PENDING", Q1));
        using var plugin = new SlurmBatchStatusPlugin(new SlurmClient(runner, SqueueFormat.Text), "fac", time);
        await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);

        // Ten minutes later squeue shows none of them: one finished after 10 s (short), one failed after
        // 9 min, one is unknown to scontrol but sacct knows it, the pending one vanished without trace.
        time.Advance(TimeSpan.FromMinutes(10));
        runner.On("squeue", "")
              .On("scontrol", c => c.Arguments[^1] switch
              {
                  "30_0" => new CommandResult(0, $"JobId=40 ArrayJobId=30 ArrayTaskId=0 JobName={Q1} JobState=COMPLETED Reason=None ExitCode=0:0 SubmitTime={Local(Start)} StartTime={Local(Start)} EndTime={Local(Start.AddSeconds(10))}\n", ""),
                  "30_1" => new CommandResult(0, $"JobId=41 ArrayJobId=30 ArrayTaskId=1 JobName={Q1} JobState=FAILED Reason=NonZeroExitCode ExitCode=3:0 SubmitTime={Local(Start)} StartTime={Local(Start)} EndTime={Local(Start.AddMinutes(9))}\n", ""),
                  _ => new CommandResult(1, "", "slurm_load_jobs error: Invalid job id specified"),
              })
              .On("sacct", c => c.Arguments.Contains("30_2")
                  ? new CommandResult(0, $"30_2|{Q1}|TIMEOUT|{Local(Start)}|{Local(Start)}|{Local(Start.AddMinutes(8))}|0:15\n", "")
                  : new CommandResult(0, "", ""));

        var figures = await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);

        Assert.Equal(new BatchQueueFigures { Done = 2, Failed = 2, RecentlyEnded = 3, RecentlyEndedShort = 1 }, figures["q1"]);
        Assert.Equal(["30_0", "30_1", "30_2", "31"], runner.Commands.Where(c => c.Program == "scontrol").Select(c => c.Arguments[^1]));

        // Nothing is looked up twice, and ends older than the window are forgotten.
        var commands = runner.Commands.Count;
        time.Advance(TimeSpan.FromMinutes(59.5));
        var later = await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);
        Assert.Equal(commands + 1, runner.Commands.Count);
        Assert.Equal(new BatchQueueFigures { Done = 1 }, later["q1"]);
    }

    [Fact]
    public async Task Finished_pilots_still_in_squeue_count_once_with_their_real_run_time()
    {
        var time = new FakeTimeProvider(Start);
        var runner = new ScriptedRunner().On("squeue",
            Line("50", "COMPLETED", Q1, Local(Start.AddMinutes(-30)), Local(Start.AddMinutes(-1))) +
            Line("51", "CANCELLED", Q1) + Line("52", "OUT_OF_MEMORY", Q1, Local(Start.AddMinutes(-2)), Local(Start.AddMinutes(-1))));
        using var plugin = new SlurmBatchStatusPlugin(new SlurmClient(runner, SqueueFormat.Text), "fac", time);

        await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(30));
        var figures = await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);

        // 51 was cancelled while pending: done, but it never ran, so it says nothing to the Throttle plugin.
        Assert.Equal(new BatchQueueFigures { Done = 2, Failed = 1, RecentlyEnded = 2, RecentlyEndedShort = 1 }, figures["q1"]);
    }

    [Fact]
    public async Task A_failing_squeue_is_an_error_never_an_empty_queue()
    {
        var runner = new ScriptedRunner().On("squeue", _ => new CommandResult(1, "", "slurm_load_jobs error: Unable to contact slurm controller"));
        using var plugin = new SlurmBatchStatusPlugin(new SlurmClient(runner, SqueueFormat.Auto), "fac", new FakeTimeProvider(Start));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => plugin.ReadAsync(Queries, TestContext.Current.CancellationToken));
        Assert.Contains("Unable to contact slurm controller", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_tried_first_and_the_plain_format_kept_once_json_fails()
    {
        var runner = new ScriptedRunner()
            .On("squeue", c => c.Arguments.Contains("--json") ? new CommandResult(1, "", "squeue: unrecognized option '--json'") : new CommandResult(0, Line("60", "PENDING", Q1), ""));
        var client = new SlurmClient(runner);
        using var plugin = new SlurmBatchStatusPlugin(client, "fac", new FakeTimeProvider(Start));

        Assert.Equal(1, (await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken))["q1"].Pending);
        Assert.Equal(1, (await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken))["q1"].Pending);

        Assert.True(client.UsesTextFormat);
        Assert.Equal(1, runner.Commands.Count(c => c.Arguments.Contains("--json")));
        Assert.Equal(3, runner.Commands.Count);
    }

    [Fact]
    public async Task Json_output_of_slurm_22_05_is_read_through_the_plugin()
    {
        var json = Fixtures.Read("squeue-json-v0.0.38-slurm-22.05.8-running-pending-array.json").Replace("\"apf-array\"", $"\"{Q2}\"", StringComparison.Ordinal);
        var runner = new ScriptedRunner().On("squeue", json);
        using var plugin = new SlurmBatchStatusPlugin(new SlurmClient(runner), "fac", new FakeTimeProvider(Start));

        var figures = await plugin.ReadAsync(Queries, TestContext.Current.CancellationToken);

        Assert.Equal(new BatchQueueFigures { Pending = 1, Running = 5 }, figures["q2"]);
        Assert.Equal(["--json", "--states=all"], runner.Commands.Single().Arguments);
    }
}
