using Apf.Plugins.Slurm.Commands;

namespace Apf.Plugins.Slurm.Tests.Live;

/// <summary>
/// The test Slurm cluster and sshd that scripts/slurm/start-test-slurm.sh and scripts/ssh/start-test-sshd.sh
/// start. Found through APF_TEST_SLURM_CONF / APF_TEST_SSH, or the env files those scripts write. Absent:
/// the test fails under CI=true (CI must start them) and is skipped, visibly, elsewhere.
/// </summary>
internal static class LiveEnvironment
{
    public static string SlurmConf()
    {
        var conf = Environment.GetEnvironmentVariable("APF_TEST_SLURM_CONF")
                   ?? FromEnvFile(Environment.GetEnvironmentVariable("APF_TEST_SLURM_DIR") ?? "/tmp/apf-test-slurm", "SLURM_CONF");
        if (conf is not null && File.Exists(conf)) return conf;
        return Missing("the test Slurm cluster (APF_TEST_SLURM_CONF, or /tmp/apf-test-slurm/env): run scripts/slurm/start-test-slurm.sh");
    }

    public static SshTarget Ssh()
    {
        var text = Environment.GetEnvironmentVariable("APF_TEST_SSH")
                   ?? FromEnvFile(Environment.GetEnvironmentVariable("APF_TEST_SSH_DIR") ?? "/tmp/apf-test-sshd", "APF_TEST_SSH");
        if (SshTarget.TryParse(text, out var target) && File.Exists(target.KeyFile)) return target;
        Missing("the test sshd (APF_TEST_SSH=host:port:user:keyfile, or /tmp/apf-test-sshd/env): run scripts/ssh/start-test-sshd.sh");
        return null!;
    }

    /// <summary>A fresh folder the test cluster's slurmd (running as root) can write pilot output to.</summary>
    public static string WorkFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "apf-slurm-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string? FromEnvFile(string dir, string name)
    {
        var file = Path.Combine(dir, "env");
        if (!File.Exists(file)) return null;
        return File.ReadAllLines(file).Where(l => l.StartsWith(name + "=", StringComparison.Ordinal)).Select(l => l[(name.Length + 1)..].Trim()).LastOrDefault();
    }

    private static string Missing(string what)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"CI=true, but {what} is missing");
        Assert.Skip($"skipped: needs {what}");
        return null!;
    }
}
