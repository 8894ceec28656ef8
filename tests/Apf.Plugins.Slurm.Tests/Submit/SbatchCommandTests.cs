using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Submit;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Submit;

public sealed class SbatchCommandTests
{
    private static readonly PilotLabel Label = new("fac", "q1", Guid.Parse("0123456789abcdef0123456789abcdef"));

    private static PilotRequest Request(string? batchQueue = "x; rm -rf /") => new()
    {
        Label = Label,
        Count = 5,
        Executable = "/opt/apf/pilot wrapper.sh",
        Arguments = ["--url", "https://wms/?a=1&b=2", "it's"],
        Environment = new Dictionary<string, string> { ["APFFID"] = "fac", ["TOKEN"] = "s3cr'et $(reboot)" },
        LogDirectory = "/var/log/apf/2026-11-25/q1",
        BatchQueue = batchQueue,
    };

    [Fact]
    public void One_array_call_with_label_output_and_every_value_as_its_own_argument()
    {
        var options = new SbatchOptions { Account = "atlas", TimeLimit = "1-00:00:00", ExtraOptions = ["--hold", "--mail-type=BEGIN,END"] };

        var command = SbatchCommand.For(Request(), options, 5);

        Assert.Equal("sbatch", command.Program);
        Assert.Equal(
        [
            "--parsable",
            "--job-name=apf.fac.q1.0123456789abcdef0123456789abcdef",
            "--array=0-4",
            "--output=/var/log/apf/2026-11-25/q1/%A_%a.out",
            "--error=/var/log/apf/2026-11-25/q1/%A_%a.err",
            "--partition=x; rm -rf /",
            "--account=atlas",
            "--time=1-00:00:00",
            "--hold",
            "--mail-type=BEGIN,END",
        ], command.Arguments);
    }

    [Fact]
    public void Secrets_stay_off_the_command_line()
    {
        var command = SbatchCommand.For(Request(), new SbatchOptions(), 5);

        Assert.DoesNotContain(command.Arguments, a => a.Contains("s3cr", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr", command.ToString(), StringComparison.Ordinal);
        Assert.Contains("s3cr", command.StandardInput, StringComparison.Ordinal);
    }

    [Fact]
    public void Partition_defaults_to_the_batch_queue_and_an_option_overrides_it()
    {
        Assert.DoesNotContain(SbatchCommand.For(Request(null), new SbatchOptions(), 1).Arguments, a => a.StartsWith("--partition", StringComparison.Ordinal));
        Assert.Contains("--partition=debug", SbatchCommand.For(Request(), new SbatchOptions { Partition = "debug", OutputDirectory = "/o/" }, 1).Arguments);
        Assert.Contains("--output=/o/%A_%a.out", SbatchCommand.For(Request(), new SbatchOptions { OutputDirectory = "/o/" }, 1).Arguments);
    }

    [Fact]
    public async Task Over_ssh_the_hostile_queue_name_reaches_sbatch_as_one_harmless_argument()
    {
        var command = SbatchCommand.For(Request(), new SbatchOptions(), 5);
        // What the SSH runner sends, with printf standing in for sbatch, parsed by a real shell.
        var remote = ShellQuote.Command("printf", ["%s\\0", .. command.Arguments], new Dictionary<string, string> { ["SLURM_CONF"] = "/etc/slurm/slurm.conf" });

        using var local = new LocalCommandRunner(new Dictionary<string, string>(), TimeSpan.FromSeconds(20));
        var result = await local.RunAsync(new CommandLine("sh", ["-c", remote]), TestContext.Current.CancellationToken);

        Assert.Equal(command.Arguments, result.Output.Split('\0')[..^1]);
    }

    [Fact]
    public void Parsable_output_gives_the_job_id_and_task_ids()
    {
        Assert.Equal(1234, SbatchCommand.ParseJobId("1234\n"));
        Assert.Equal(1234, SbatchCommand.ParseJobId("1234;cluster\n"));
        Assert.Throws<FormatException>(() => SbatchCommand.ParseJobId("sbatch: error: Batch job submission failed"));
        Assert.Equal(["7_0", "7_1", "7_2"], SbatchCommand.TaskIds(7, 3));
    }

    [Fact]
    public async Task The_batch_script_exports_the_environment_and_execs_the_wrapper_with_its_arguments()
    {
        var dir = Directory.CreateTempSubdirectory("apf-script-").FullName;
        try
        {
            var wrapper = Path.Combine(dir, "pilot wrapper.sh");
            await File.WriteAllTextAsync(wrapper, "#!/bin/sh\nprintf '%s\\0' \"$TOKEN\" \"$APFFID\" \"$@\"\n", TestContext.Current.CancellationToken);
            var script = Path.Combine(dir, "job.sh");
            await File.WriteAllTextAsync(script, BatchScript.For(Request() with { Executable = wrapper }), TestContext.Current.CancellationToken);

            using var local = new LocalCommandRunner(new Dictionary<string, string>(), TimeSpan.FromSeconds(20));
            await local.RunAsync(new CommandLine("chmod", ["+x", wrapper]), TestContext.Current.CancellationToken);
            var result = await local.RunAsync(new CommandLine("sh", [script]), TestContext.Current.CancellationToken);

            Assert.Equal(["s3cr'et $(reboot)", "fac", "--url", "https://wms/?a=1&b=2", "it's"], result.Output.Split('\0')[..^1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_environment_name_a_shell_would_interpret_is_refused()
    {
        var request = Request() with { Environment = new Dictionary<string, string> { ["A;reboot"] = "x" } };
        Assert.Throws<ArgumentException>(() => BatchScript.For(request));
    }
}
