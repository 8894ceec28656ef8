using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Status;
using Apf.Plugins.Slurm.Submit;
using Apf.Plugins.Slurm.Tests.Support;

namespace Apf.Plugins.Slurm.Tests.Submit;

public sealed class SlurmOptionsTests
{
    [Fact]
    public void Keys_are_read_under_the_plugin_prefix()
    {
        var (reader, errors) = Settings(new()
        {
            ["batchsubmit.slurm.partition"] = "debug",
            ["batchsubmit.slurm.account"] = "atlas",
            ["batchsubmit.slurm.timelimit"] = "2-12:00",
            ["batchsubmit.slurm.options"] = "--hold, --mail-type=BEGIN,END, --constraint=a|b",
            ["batchsubmit.slurm.outputdir"] = "/data/out",
            ["batchsubmit.slurm.maxarraysize"] = "500",
            ["batchsubmit.slurm.slurmconf"] = "/etc/slurm/test.conf",
            ["batchsubmit.slurm.timeout"] = "2m",
            ["batchsubmit.slurm.format"] = "text",
        });

        var options = SbatchOptions.Read(reader, "batchsubmit.slurm.");
        var connection = SlurmConnection.Read(reader, "batchsubmit.slurm.");

        Assert.Empty(errors);
        Assert.Equal(("debug", "atlas", "2-12:00", "/data/out", 500), (options.Partition, options.Account, options.TimeLimit, options.OutputDirectory, options.MaxArraySize));
        Assert.Equal(["--hold", "--mail-type=BEGIN,END", "--constraint=a|b"], options.ExtraOptions);
        Assert.Equal(("/etc/slurm/test.conf", TimeSpan.FromMinutes(2), SqueueFormat.Text, null), (connection.SlurmConf, connection.Timeout, connection.Format, connection.Ssh));
        Assert.Equal("/etc/slurm/test.conf", connection.Environment["SLURM_CONF"]);
    }

    [Fact]
    public void Bad_values_are_reported_by_key_never_thrown()
    {
        var (reader, errors) = Settings(new()
        {
            ["batchsubmit.slurm.timelimit"] = "forever",
            ["batchsubmit.slurm.options"] = "--hold, -p debug, --array=0-9, --x=a\nb",
            ["batchsubmit.slurm.outputdir"] = "relative/out",
            ["batchsubmit.slurm.format"] = "xml",
            ["batchsubmit.slurm.ssh.user"] = "apf",
        });

        SbatchOptions.Read(reader, "batchsubmit.slurm.");
        SlurmConnection.Read(reader, "batchsubmit.slurm.");

        Assert.Equal(
            ["batchsubmit.slurm.format", "batchsubmit.slurm.options", "batchsubmit.slurm.options", "batchsubmit.slurm.options", "batchsubmit.slurm.outputdir", "batchsubmit.slurm.ssh.host", "batchsubmit.slurm.timelimit"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("--array=0-9", StringComparison.Ordinal) && e.Message.Contains("set by Apf", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal("q1", e.Queue));
    }

    [Fact]
    public void Ssh_keys_need_host_user_and_an_existing_key_file()
    {
        var (reader, errors) = Settings(new()
        {
            ["batchsubmit.slurm.ssh.host"] = "submit.example.org",
            ["batchsubmit.slurm.ssh.port"] = "2222",
            ["batchsubmit.slurm.ssh.keyfile"] = "/nonexistent/key",
        });

        var connection = SlurmConnection.Read(reader, "batchsubmit.slurm.");

        Assert.Equal(["batchsubmit.slurm.ssh.keyfile", "batchsubmit.slurm.ssh.user"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2222, connection.Ssh?.Port);
    }

    [Fact]
    public void The_catalog_builds_status_and_submit_plugins_and_SlurmSsh_requires_a_host()
    {
        var catalog = new PluginCatalog().AddSlurmPlugins();
        Assert.Equal(["Slurm", "SlurmSsh"], catalog.Names(PluginKind.BatchSubmit));
        Assert.Equal(["Slurm", "SlurmSsh"], catalog.Names(PluginKind.BatchStatus));

        var (reader, errors) = Settings(new() { ["batchsubmit.slurm.partition"] = "debug" });
        using var submit = (IDisposable)catalog.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "Slurm", Context("Slurm", reader));
        using var status = (IDisposable)catalog.Create<IBatchStatusPlugin>(PluginKind.BatchStatus, "Slurm", Context("Slurm", reader));
        Assert.IsType<SlurmBatchSubmitPlugin>(submit);
        Assert.IsType<SlurmBatchStatusPlugin>(status);
        Assert.Empty(errors);

        using var ssh = (IDisposable)catalog.Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "SlurmSsh", Context("SlurmSsh", reader));
        Assert.Equal("batchsubmit.slurmssh.ssh.host", Assert.Single(errors).Key);
    }

    internal static PluginContext Context(string plugin, SettingsReader reader) =>
        new(plugin, reader, new FactorySettings { FactoryId = "fac", WorkDirectory = "/tmp", BaseLogDirectory = "/tmp" }, new EmptyServices());

    internal static (SettingsReader, List<ConfigError>) Settings(Dictionary<string, string> values)
    {
        var errors = new List<ConfigError>();
        var settings = new Settings(values.Select(kv => KeyValuePair.Create(kv.Key, new SettingValue(kv.Value, "test.yaml"))));
        return (new SettingsReader(settings, "q1", errors), errors);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
