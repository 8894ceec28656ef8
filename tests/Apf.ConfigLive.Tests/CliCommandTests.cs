extern alias cli;
using Apf.Core.Configuration;
using cli::Apf.Cli.Commands;
using Spectre.Console;
using System.CommandLine;

namespace Apf.ConfigLive.Tests;

/// <summary>
/// <c>apf config push/pull/import-apf</c> run in-process against the real config service on Kestrel. The
/// commands print through Spectre's AnsiConsole, which the tests capture, so they run one at a time.
/// </summary>
[Collection(nameof(CliCommandTests))]
[CollectionDefinition(nameof(CliCommandTests), DisableParallelization = true)]
public sealed class CliCommandTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("apf-configlive-cli-").FullName;
    private readonly LivePlugins _plugins = new();
    private LiveConfigService _service = null!;
    private string _keyFile = null!;

    public ValueTask InitializeAsync()
    {
        _service = new LiveConfigService(_plugins.Catalog());
        _keyFile = Path.Combine(_work, "alice.key");
        File.WriteAllText(_keyFile, LiveConfigService.AliceKey + "\n");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static async Task<(int Exit, string Output)> Apf(params string[] args)
    {
        var output = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        AnsiConsole.Profile.Width = 400;
        try
        {
            var root = new RootCommand { ConfigCommand.Create() };
            var exit = await root.Parse(["config", .. args]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Push_then_pull_gives_back_the_configuration_and_its_revision()
    {
        var file = Write("factory.yaml", LivePlugins.Yaml(_work));
        var push = await Apf("push", file, "--to", _service.Url.ToString(), "--api-key-file", _keyFile);
        Assert.Equal(0, push.Exit);
        Assert.Contains("pushed factory.yaml", push.Output);
        Assert.Contains("revision 1, 1 queue(s)", push.Output);

        var again = await Apf("push", file, "--to", _service.Url.ToString(), "--api-key-file", _keyFile);
        Assert.Equal(0, again.Exit);
        Assert.Contains("no change", again.Output);

        var pulled = Path.Combine(_work, "pulled.yaml");
        var pull = await Apf("pull", "--from", _service.Url.ToString(), "-o", pulled);
        Assert.Equal(0, pull.Exit);
        Assert.Contains("pulled revision 1", pull.Output);
        var original = YamlConfigReader.Read(LivePlugins.Yaml(_work), "a");
        Assert.Equal(YamlConfigWriter.Write(original), await File.ReadAllTextAsync(pulled, TestContext.Current.CancellationToken));

        Assert.DoesNotContain(LiveConfigService.AliceKey, push.Output + again.Output + pull.Output);
    }

    [Fact]
    public async Task A_refused_push_lists_every_error_and_changes_nothing()
    {
        var bad = LivePlugins.Yaml(_work).Replace("sched.maxpercycle.maximum: 3", "sched.maxpercycle.maximum: many")
                  + "\n  qb:\n    wmsqueue: work-b\n    schedplugin: Ready, NoSuchPlugin\n";
        var push = await Apf("push", Write("bad.yaml", bad), "--to", _service.Url.ToString(), "--api-key-file", _keyFile);
        Assert.Equal(1, push.Exit);
        Assert.Contains("refused (400)", push.Output);
        Assert.Contains("'qa'", push.Output);
        Assert.Contains("sched.maxpercycle.maximum", push.Output);
        Assert.Contains("'qb'", push.Output);
        Assert.Contains("NoSuchPlugin", push.Output);
        Assert.Empty(await _service.Client(_service.Http()).ListQueuesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_never_printed()
    {
        const string wrong = "not-the-key-0123456789";
        var push = await Apf("push", Write("f.yaml", LivePlugins.Yaml(_work)), "--to", _service.Url.ToString(), "--api-key-file", Write("wrong.key", wrong));
        Assert.Equal(1, push.Exit);
        Assert.Contains("refused (403)", push.Output);
        Assert.DoesNotContain(wrong, push.Output);
    }

    [Fact]
    public async Task Push_without_a_key_says_where_to_put_one()
    {
        if (Environment.GetEnvironmentVariable(ConfigServiceAccess.ApiKeyVariable) is { Length: > 0 })
            Assert.Skip($"{ConfigServiceAccess.ApiKeyVariable} is set in this environment");
        var push = await Apf("push", Write("f.yaml", LivePlugins.Yaml(_work)), "--to", _service.Url.ToString());
        Assert.Equal(1, push.Exit);
        Assert.Contains("--api-key-file", push.Output);
        Assert.Contains(ConfigServiceAccess.ApiKeyVariable, push.Output);
    }

    [Fact]
    public async Task An_unreachable_service_is_reported()
    {
        var pull = await Apf("pull", "--from", "http://127.0.0.1:1", "-o", Path.Combine(_work, "x.yaml"));
        Assert.Equal(1, pull.Exit);
        Assert.Contains("cannot reach http://127.0.0.1:1/", pull.Output);
        Assert.False(File.Exists(Path.Combine(_work, "x.yaml")));
    }

    [Fact]
    public async Task Import_apf_converts_the_INI_files_to_YAML_that_reads_back_the_same()
    {
        var queues = Path.Combine(ApfConfigs, "queues.conf");
        var factory = Path.Combine(ApfConfigs, "factory.conf");
        var output = Path.Combine(_work, "factory.yaml");
        var import = await Apf("import-apf", "--queues", queues, "--factory", factory, "-o", output);
        Assert.Equal(0, import.Exit);
        Assert.Contains("3 queue(s)", import.Output);

        var fromIni = IniConfigReader.ReadFiles(queues, factory);
        var yaml = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(YamlConfigWriter.Write(fromIni), YamlConfigWriter.Write(YamlConfigReader.Read(yaml, output)));
        Assert.Contains("ANALY_EXAMPLE_SHORT-ce01", yaml);

        var again = await Apf("import-apf", "--queues", queues, "--factory", factory, "-o", output);
        Assert.Equal(1, again.Exit);
        Assert.Contains("--force", again.Output);
    }

    [Fact]
    public async Task Import_apf_reports_every_error_and_writes_nothing()
    {
        var queues = Write("queues.conf", """
            [DEFAULT]
            wmsstatusplugin = Panda
            arguments = --queue=%(wmsqueue)s

            [q1]
            this line has no separator

            [q2]
            wmsqueue = Q2
            note = %(missing)s
            """);
        var factory = Write("factory.conf", "[Factory]\nfactoryId = f1\n\n[Pilots]\nx = 1\n");
        var output = Path.Combine(_work, "out.yaml");
        var import = await Apf("import-apf", "--queues", queues, "--factory", factory, "-o", output);
        Assert.Equal(1, import.Exit);
        Assert.Contains("section [Pilots]", import.Output);
        Assert.Contains("'this line has no separator'", import.Output);
        Assert.Contains("'%(wmsqueue)s'", import.Output);
        Assert.Contains("'%(missing)s'", import.Output);
        Assert.Contains("was not written", import.Output);
        Assert.False(File.Exists(output));
    }

    // The APF files tests/Apf.Config.Tests imports, linked into this project's output.
    private static string ApfConfigs => Path.Combine(AppContext.BaseDirectory, "apf-configs");
}
