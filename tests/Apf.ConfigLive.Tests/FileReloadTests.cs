using Apf.Factory.Configuration;

namespace Apf.ConfigLive.Tests;

/// <summary>The embedded default: a running factory follows its YAML file, edited in place.</summary>
public sealed class FileReloadTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("apf-configlive-file-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task An_edited_file_is_in_force_at_the_next_cycle_and_a_broken_edit_is_not()
    {
        var path = Path.Combine(_work, "factory.yaml");
        await File.WriteAllTextAsync(path, LivePlugins.Yaml(_work), TestContext.Current.CancellationToken);
        var plugins = new LivePlugins();
        await using var factory = new LiveFactory(plugins, s => s.AddConfigFileProvider(path));
        await factory.StartBusAsync();
        plugins.Wms.Figures["work-a"] = new() { Ready = 10 };

        await factory.PollAsync();
        var first = await factory.CycleAsync("qa");
        Assert.Equal((1L, 3), (first.ConfigVersion, first.Decision));

        // The file watcher, not the test, notices the edit.
        await File.WriteAllTextAsync(path, LivePlugins.Yaml(_work, 4), TestContext.Current.CancellationToken);
        await LiveFactory.Eventually(() => factory.Config.Current.Version == 2);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        await factory.PollAsync();
        var second = await factory.CycleAsync("qa");
        Assert.Equal((2L, 4), (second.ConfigVersion, second.Decision));
        Assert.Contains(second.Steps, s => s.Plugin == "MaxPerCycle" && s.Explanation.Contains("max=4,"));
        Assert.Equal(3 + 4, plugins.Batch.Count("qa"));

        await File.WriteAllTextAsync(path, "factory: [broken\n", TestContext.Current.CancellationToken);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var third = await factory.CycleAsync("qa");
        Assert.Equal(2L, third.ConfigVersion);
        Assert.Contains(third.Steps, s => s.Plugin == "MaxPerCycle" && s.Explanation.Contains("max=4,"));
    }
}
