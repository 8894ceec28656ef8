using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Submit;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Submit;

public sealed class SlurmBatchSubmitPluginTests
{
    private static readonly PilotLabel Label = new("fac", "q1", Guid.Parse("0123456789abcdef0123456789abcdef"));

    private static PilotRequest Request(int count) => new()
    {
        Label = Label, Count = count, Executable = "/bin/true", LogDirectory = "/var/log/apf/q1", BatchQueue = "debug",
    };

    [Fact]
    public async Task A_command_larger_than_the_array_limit_becomes_several_arrays()
    {
        var next = 100;
        var runner = new ScriptedRunner().On("mkdir", "").On("sbatch", _ => new CommandResult(0, $"{next++}\n", ""));
        using var plugin = new SlurmBatchSubmitPlugin(new SlurmClient(runner), new SbatchOptions { MaxArraySize = 4 });

        var outcome = await plugin.SubmitAsync(Request(10), TestContext.Current.CancellationToken);

        Assert.Equal(["100_0", "100_1", "100_2", "100_3", "101_0", "101_1", "101_2", "101_3", "102_0", "102_1"], outcome.BatchIds);
        Assert.Equal(["--array=0-3", "--array=0-3", "--array=0-1"], runner.Commands.Where(c => c.Program == "sbatch").Select(c => c.Arguments[2]));
        Assert.Equal(["-p", "--", "/var/log/apf/q1"], runner.Commands[0].Arguments);

        // The output folder is created once per plugin, not per command.
        await plugin.SubmitAsync(Request(1), TestContext.Current.CancellationToken);
        Assert.Single(runner.Commands, c => c.Program == "mkdir");
    }

    [Fact]
    public async Task A_failed_sbatch_throws_with_its_message()
    {
        var runner = new ScriptedRunner().On("mkdir", "").On("sbatch", _ => new CommandResult(1, "", "sbatch: error: invalid partition specified: x; rm -rf /"));
        using var plugin = new SlurmBatchSubmitPlugin(new SlurmClient(runner), new SbatchOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => plugin.SubmitAsync(Request(2), TestContext.Current.CancellationToken));
        Assert.Contains("invalid partition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_holds_the_newest_plain_pending_pilots_of_the_queue_then_cancels_those_still_pending()
    {
        var before =
            $"70_[0-2]|PD|PENDING|None|2026-11-25T09:00:00|N/A|N/A|{Label}|(null)\n" +
            $"71_[0-1]|PD|PENDING|None|2026-11-25T09:30:00|N/A|N/A|{Label}|(null)\n" +
            $"72_0|CF|CONFIGURING|None|2026-11-25T09:45:00|N/A|N/A|{Label}|(null)\n" +
            $"73_0|R|RUNNING|None|2026-11-25T09:50:00|2026-11-25T09:51:00|N/A|{Label}|(null)\n" +
            $"74_0|PD|PENDING|None|2026-11-25T09:55:00|N/A|N/A|apf.fac.q2.0123456789abcdef0123456789abcdef|(null)\n";
        // 71_1 started between squeue and scontrol hold, so the hold left it running.
        var held = before.Replace("71_[0-1]|PD|PENDING", "71_0|PD|PENDING", StringComparison.Ordinal) +
                   $"71_1|R|RUNNING|None|2026-11-25T09:30:00|2026-11-25T10:00:00|N/A|{Label}|(null)\n";
        // Cancelled tasks of a pending array leave squeue at once; a split-out task shows CANCELLED.
        var cancelled = held.Replace("71_0|PD|PENDING", "71_0|CA|CANCELLED", StringComparison.Ordinal)
                            .Replace("70_[0-2]|PD|PENDING", "70_[0-1]|PD|PENDING", StringComparison.Ordinal);
        var runner = new ScriptedRunner().On("squeue", before);
        runner.On("scontrol", _ => { runner.On("squeue", held); return new CommandResult(1, "", "scontrol: error: Job is no longer pending execution for job 71_1"); });
        runner.On("scancel", _ => { runner.On("squeue", cancelled); return new CommandResult(0, "", ""); });
        using var plugin = new SlurmBatchSubmitPlugin(new SlurmClient(runner, SqueueFormat.Text), new SbatchOptions());

        var retired = await plugin.RetireAsync("fac", "q1", 3, TestContext.Current.CancellationToken);

        Assert.Equal(["hold", "71_1", "71_0", "70_2"], runner.Commands.Single(c => c.Program == "scontrol").Arguments);
        Assert.Equal(["71_0", "70_2"], runner.Commands.Single(c => c.Program == "scancel").Arguments);
        Assert.Equal(["71_0", "70_2"], retired);
    }

    [Fact]
    public async Task Find_pilots_matches_the_exact_label_even_when_squeue_ignores_the_name_filter()
    {
        var other = new PilotLabel("fac", "q1", Guid.Parse("ffffffffffffffffffffffffffffffff"));
        var runner = new ScriptedRunner().On("squeue",
            $"80_0|R|RUNNING|None|N/A|N/A|N/A|{Label}|(null)\n80_1|CD|COMPLETED|None|N/A|N/A|N/A|{Label}|(null)\n81_0|R|RUNNING|None|N/A|N/A|N/A|{other}|(null)\n");
        using var plugin = new SlurmBatchSubmitPlugin(new SlurmClient(runner, SqueueFormat.Text), new SbatchOptions());

        var found = await plugin.FindPilotsAsync(Label, TestContext.Current.CancellationToken);

        Assert.Equal(["80_0", "80_1"], found);
        Assert.Contains($"--name={Label}", runner.Commands.Single().Arguments);
    }
}
