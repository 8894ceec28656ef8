using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.Commands;
using Apf.Plugins.HTCondor.Submit;

namespace Apf.Plugins.HTCondor.Tests;

/// <summary>
/// Runs against a real HTCondor only where one is installed (HTCondor is not in Debian 12, so these
/// skip here). Submits one short pilot to the local schedd, finds it by label and reads its status.
/// </summary>
public sealed class LiveCondorTests
{
    [Fact]
    public async Task A_pilot_submitted_to_the_local_schedd_is_found_by_its_label()
    {
        if (!OnPath("condor_submit") || !OnPath("condor_q"))
            Assert.Skip("condor_submit is not installed on this machine (HTCondor is not packaged for Debian 12)");
        var ct = TestContext.Current.CancellationToken;
        var logs = Directory.CreateTempSubdirectory("apf-condor-live-").FullName;
        var commands = new ProcessCondorCommands();
        var plugin = new CondorBatchSubmit(commands, new CondorSubmitOptions { Flavour = CondorFlavour.Local }, TimeProvider.System);
        var label = new PilotLabel("apflive", "LIVE_Q", Guid.NewGuid());
        var request = new PilotRequest { Label = label, Count = 1, Executable = "/bin/true", LogDirectory = logs };

        var outcome = await plugin.SubmitAsync(request, ct);
        try
        {
            var found = await plugin.FindPilotsAsync(label, ct);
            Assert.Equal(outcome.BatchIds, found);
        }
        finally
        {
            await commands.RunAsync("condor_rm", [.. outcome.BatchIds], TimeSpan.FromSeconds(30), ct);
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
