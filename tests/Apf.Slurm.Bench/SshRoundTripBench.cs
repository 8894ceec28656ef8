using System.Diagnostics;
using System.Globalization;
using Apf.Plugins.Slurm.Commands;

namespace Apf.Slurm.Bench;

/// <summary>Cost of one remote command over the kept SSH connection (with and without standard input).</summary>
internal static class SshRoundTripBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        if (!SshTarget.TryParse(Environment.GetEnvironmentVariable("APF_TEST_SSH"), out var ssh))
        {
            Console.Error.WriteLine("needs APF_TEST_SSH=host:port:user:keyfile (scripts/ssh/start-test-sshd.sh prints it)");
            return 2;
        }
        using var runner = new SshCommandRunner(ssh, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        var connect = Stopwatch.StartNew();
        await runner.RunAsync(new CommandLine("true", []), CancellationToken.None);
        Console.WriteLine($"connect + first command: {connect.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var stdin in new string?[] { null, "data\n" })
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++) await runner.RunAsync(new CommandLine("cat", [], stdin), CancellationToken.None);
            Console.WriteLine($"{count} commands {(stdin is null ? "without" : "with")} standard input: {watch.Elapsed.TotalMilliseconds / count:F1} ms each");
        }
        return 0;
    }
}
