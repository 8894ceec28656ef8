using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Submit;
using Apf.Plugins.Slurm.Tests.Submit;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Live;

/// <summary>Through the private sshd of scripts/ssh/start-test-sshd.sh, to the test Slurm on the same host.</summary>
[Collection("live slurm")]
public sealed class LiveSshTests
{
    [Fact]
    public async Task Arguments_reach_the_remote_command_exactly_as_given()
    {
        var target = LiveEnvironment.Ssh();
        using var runner = new SshCommandRunner(target, new Dictionary<string, string> { ["APF_X"] = "it's $(id)" }, TimeSpan.FromSeconds(30));

        var result = await runner.RunAsync(new CommandLine("printf", ["%s\\0", .. Words.Hostile]), TestContext.Current.CancellationToken);
        var env = await runner.RunAsync(new CommandLine("sh", ["-c", "printf %s \"$APF_X\""]), TestContext.Current.CancellationToken);
        var stdin = await runner.RunAsync(new CommandLine("cat", [], "line 1\nit's line 2\n"), TestContext.Current.CancellationToken);
        // A command reading standard input when none is given must see EOF, not wait until the timeout.
        var noInput = await runner.RunAsync(new CommandLine("cat", []), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Words.Hostile, result.Output.Split('\0')[..^1]);
        Assert.Equal("it's $(id)", env.Output);
        Assert.Equal("line 1\nit's line 2\n", stdin.Output);
        Assert.Equal((0, ""), (noInput.ExitCode, noInput.Output));
    }

    [Fact]
    public async Task A_wrong_pinned_host_key_is_refused()
    {
        var target = LiveEnvironment.Ssh() with { HostKeySha256 = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
        using var runner = new SshCommandRunner(target, new Dictionary<string, string>(), TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(new CommandLine("true", []), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SlurmSsh_submits_finds_reads_and_retires_pilots_on_the_remote_cluster()
    {
        var conf = LiveEnvironment.SlurmConf();
        var target = LiveEnvironment.Ssh();
        var pilots = new LivePilots(LiveEnvironment.WorkFolder());
        var catalog = new PluginCatalog().AddSlurmPlugins();
        var (reader, errors) = SlurmOptionsTests.Settings(new()
        {
            ["batchsubmit.slurmssh.ssh.host"] = target.Host,
            ["batchsubmit.slurmssh.ssh.port"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["batchsubmit.slurmssh.ssh.user"] = target.User,
            ["batchsubmit.slurmssh.ssh.keyfile"] = target.KeyFile,
            ["batchsubmit.slurmssh.slurmconf"] = conf,
            ["batchsubmit.slurmssh.options"] = "--hold, --comment=held by Apf's live test",
            ["batchstatus.slurmssh.ssh.host"] = target.Host,
            ["batchstatus.slurmssh.ssh.port"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["batchstatus.slurmssh.ssh.user"] = target.User,
            ["batchstatus.slurmssh.ssh.keyfile"] = target.KeyFile,
            ["batchstatus.slurmssh.slurmconf"] = conf,
        });
        var context = SlurmOptionsTests.Context("SlurmSsh", reader) is var c
            ? new PluginContext("SlurmSsh", reader, c.Factory with { FactoryId = pilots.Factory }, c.Services)
            : null!;
        var submit = catalog.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "SlurmSsh", context);
        var status = catalog.Create<IBatchStatusPlugin>(PluginKind.BatchStatus, "SlurmSsh", context);
        Assert.Empty(errors);
        var request = pilots.Request("q4", 3) with { LogDirectory = Path.Combine(pilots.Folder, "remote logs", "it's") };
        var outcome = await submit.SubmitAsync(request, TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(outcome.BatchIds.Order(), (await submit.FindPilotsAsync(request.Label, TestContext.Current.CancellationToken)).Order());
            Assert.Equal(3, (await status.ReadAsync(LivePilots.Query("q4"), TestContext.Current.CancellationToken))["q4"].Pending);
            Assert.True(Directory.Exists(request.LogDirectory));

            var retired = await submit.RetireAsync(pilots.Factory, "q4", 5, TestContext.Current.CancellationToken);

            Assert.Equal(outcome.BatchIds.Reverse(), retired);
            Assert.Equal(0, (await status.ReadAsync(LivePilots.Query("q4"), TestContext.Current.CancellationToken))["q4"].Pending);
        }
        finally
        {
            ((IDisposable)submit).Dispose();
            ((IDisposable)status).Dispose();
        }
    }
}
