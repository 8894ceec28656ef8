using System.Diagnostics;
using System.Globalization;
using Apf.Contracts;
using Apf.Core.Plugins;
using Apf.Plugins.Slurm;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Status;
using Apf.Plugins.Slurm.Submit;

namespace Apf.Slurm.Bench;

/// <summary>
/// Pilots per second submitted to a live Slurm: one job array for all pilots versus one sbatch per pilot.
/// Pilots are held (--hold) so they never run, and cancelled after each measurement.
/// </summary>
internal static class SubmitBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var overSsh = args.Contains("--ssh");
        var singlesOption = args.FirstOrDefault(a => a.StartsWith("--singles=", StringComparison.Ordinal));
        args = args.Where(a => a != "--ssh" && a != singlesOption).ToArray();
        var pilots = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        // One sbatch per pilot is slow over SSH: --singles=N measures it on fewer pilots.
        var singles = singlesOption is null ? pilots : int.Parse(singlesOption["--singles=".Length..], CultureInfo.InvariantCulture);
        var conf = Environment.GetEnvironmentVariable("SLURM_CONF");
        if (conf is null)
        {
            Console.Error.WriteLine("set SLURM_CONF (scripts/slurm/start-test-slurm.sh prints it)");
            return 2;
        }
        var env = new Dictionary<string, string> { ["SLURM_CONF"] = conf };
        SshTarget? ssh = null;
        if (overSsh && !SshTarget.TryParse(Environment.GetEnvironmentVariable("APF_TEST_SSH"), out ssh))
        {
            Console.Error.WriteLine("--ssh needs APF_TEST_SSH=host:port:user:keyfile (scripts/ssh/start-test-sshd.sh prints it)");
            return 2;
        }
        ICommandRunner Runner() => ssh is null
            ? new LocalCommandRunner(env, TimeSpan.FromMinutes(5))
            : new SshCommandRunner(ssh, env, TimeSpan.FromMinutes(5));
        Console.WriteLine(ssh is null ? "commands run locally" : $"commands run over SSH ({ssh})");
        using var client = new SlurmClient(Runner());
        var submit = new SlurmBatchSubmitPlugin(client, new SbatchOptions { ExtraOptions = ["--hold"], MaxArraySize = pilots });
        var logs = Path.Combine(Path.GetTempPath(), "apf-slurm-bench");

        PilotRequest Request(int count) => new()
        {
            Label = new PilotLabel("bench", "q1", Guid.NewGuid()), Count = count, Executable = "/bin/true",
            LogDirectory = logs, BatchQueue = "debug",
        };

        // Array: one call for all pilots.
        var array = Request(pilots);
        var watch = Stopwatch.StartNew();
        var arrayIds = await submit.SubmitAsync(array, CancellationToken.None);
        watch.Stop();
        Report($"array (1 sbatch --array=0-{pilots - 1})", arrayIds.BatchIds.Count, watch.Elapsed);

        using (var status = new SlurmBatchStatusPlugin(new SlurmClient(Runner()), "bench", TimeProvider.System))
        {
            var read = Stopwatch.StartNew();
            var figures = await status.ReadAsync([new BatchStatusQuery("q1", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5))], CancellationToken.None);
            read.Stop();
            Console.WriteLine($"status read (squeue --json + parse) with {figures["q1"].Pending} pending pilots: {read.Elapsed.TotalMilliseconds:F0} ms");
        }
        await CancelAsync(client, array.Label);

        // One sbatch per pilot (each its own one-task array, as the plugin submits Count = 1).
        var single = Request(1);
        var ids = 0;
        watch.Restart();
        for (var i = 0; i < singles; i++) ids += (await submit.SubmitAsync(single, CancellationToken.None)).BatchIds.Count;
        watch.Stop();
        Report($"one sbatch per pilot ({singles} calls)", ids, watch.Elapsed);
        await CancelAsync(client, single.Label);
        return 0;
    }

    private static void Report(string what, int pilots, TimeSpan elapsed) =>
        Console.WriteLine($"{what}: {pilots} pilots in {elapsed.TotalSeconds:F2} s = {pilots / elapsed.TotalSeconds:F0} pilots/s");

    private static async Task CancelAsync(SlurmClient client, PilotLabel label)
    {
        var result = await client.Runner.RunAsync(new CommandLine("scancel", ["--name=" + label]), CancellationToken.None);
        if (!result.Succeeded) Console.Error.WriteLine($"scancel: {result.Error.Trim()}");
    }
}
