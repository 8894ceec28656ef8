using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Commands;

public sealed class ShellQuoteTests
{
    private static readonly LocalCommandRunner Local = new(new Dictionary<string, string>(), TimeSpan.FromSeconds(20));

    [Fact]
    public void Every_word_is_single_quoted_and_single_quotes_are_closed_escaped_and_reopened()
    {
        Assert.Equal("'x; rm -rf /'", ShellQuote.Quote("x; rm -rf /"));
        Assert.Equal("'it'\\''s'", ShellQuote.Quote("it's"));
        Assert.Equal("''", ShellQuote.Quote(""));
        Assert.Throws<ArgumentException>(() => ShellQuote.Quote("a\0b"));
    }

    [Fact]
    public async Task A_real_posix_shell_gives_back_exactly_the_words_quoted()
    {
        // The string SSH would send, parsed by a real /bin/sh: printf prints each argument NUL-terminated.
        var text = ShellQuote.Command("printf", ["%s\\0", .. Words.Hostile]);

        var result = await Local.RunAsync(new CommandLine("sh", ["-c", text]), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Words.Hostile, result.Output.Split('\0')[..^1]);
    }

    [Fact]
    public async Task Environment_goes_through_env_and_reaches_the_command_only()
    {
        var env = new Dictionary<string, string> { ["SLURM_CONF"] = "/tmp/it's here/slurm.conf", ["B"] = "$(id)" };
        var text = ShellQuote.Command("sh", ["-c", "printf '%s|%s' \"$SLURM_CONF\" \"$B\""], env);

        Assert.StartsWith("env 'B=$(id)' 'SLURM_CONF=/tmp/it'\\''s here/slurm.conf' 'sh'", text);
        var result = await Local.RunAsync(new CommandLine("sh", ["-c", text]), TestContext.Current.CancellationToken);
        Assert.Equal("/tmp/it's here/slurm.conf|$(id)", result.Output);
        Assert.Throws<ArgumentException>(() => ShellQuote.Command("true", [], new Dictionary<string, string> { ["A;B"] = "x" }));
    }

    [Fact]
    public async Task Local_runner_passes_arguments_as_a_list_and_stops_at_its_timeout()
    {
        var echoed = await Local.RunAsync(new CommandLine("printf", ["%s\\0", .. Words.Hostile]), TestContext.Current.CancellationToken);
        Assert.Equal(Words.Hostile, echoed.Output.Split('\0')[..^1]);

        using var quick = new LocalCommandRunner(new Dictionary<string, string>(), TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAsync<TimeoutException>(() => quick.RunAsync(new CommandLine("sleep", ["10"]), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("SHA256:abcDEF123+/x", "abcDEF123+/x=", true)]
    [InlineData("abcDEF123+/x", "SHA256:abcDEF123+/y", false)]
    public void Host_key_fingerprints_compare_without_prefix_or_padding(string offered, string pinned, bool same) =>
        Assert.Equal(same, SshCommandRunner.SameFingerprint(offered, pinned));

    [Fact]
    public void Ssh_target_reads_the_test_variable_form()
    {
        Assert.True(SshTarget.TryParse("127.0.0.1:2222:root:/tmp/k:ey", out var target));
        Assert.Equal(new SshTarget("127.0.0.1", 2222, "root", "/tmp/k:ey"), target);
        Assert.False(SshTarget.TryParse("host:notaport:u:k", out _));
    }
}
