using Apf.Plugins.HTCondor.Commands;

namespace Apf.Plugins.HTCondor.Tests;

/// <summary>The process runner behind every HTCondor call, exercised with ordinary programs.</summary>
public sealed class ProcessCondorCommandsTests
{
    private readonly ProcessCondorCommands _runner = new();

    [Fact]
    public async Task Arguments_reach_the_program_unsplit_and_unexpanded()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "printf '%s|' \"$@\"", "sh", "ApfFactory =?= \"f\" && x", "$(Cluster)", "a b"],
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ApfFactory =?= \"f\" && x|$(Cluster)|a b|", result.StandardOutput);
    }

    [Fact]
    public async Task A_missing_tool_is_reported_by_name()
    {
        var e = await Assert.ThrowsAsync<CondorCommandException>(() =>
            _runner.RunAsync("/nonexistent/bin/condor_q", [], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        Assert.Contains("/nonexistent/bin/condor_q", e.Message);
    }

    [Fact]
    public async Task A_tool_that_hangs_is_stopped_at_the_timeout()
    {
        var e = await Assert.ThrowsAsync<CondorCommandException>(() =>
            _runner.RunAsync("/bin/sleep", ["30"], TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));

        Assert.Contains("sleep did not answer within 0.3 s", e.Message);
    }
}
