using Apf.Plugins.All;
using System.CommandLine;
using Apf.Core.Configuration;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary><c>apf config validate FILE</c>: every problem, naming the file, queue and key at fault.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The YAML factory file to check." };
        var validate = new Command("validate", "Check a factory file: exit 0 when every queue is valid, 1 otherwise.") { file };
        validate.SetAction(parse => Validate(parse.GetValue(file)!));
        return new Command("config", "Work with factory configuration.") { validate, ConfigPushCommand.Create(), ConfigPullCommand.Create(), ConfigImportApfCommand.Create() };
    }

    private static int Validate(FileInfo file)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {file.FullName}: no such file");
            return 1;
        }
        var config = PluginCatalogs.Build(YamlConfigReader.ReadFile(file.FullName));
        foreach (var error in config.AllErrors) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.ToString()}");
        foreach (var warning in config.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning.ToString()}");
        foreach (var queue in config.Queues)
            AnsiConsole.MarkupLineInterpolated($"[green]ok[/] queue {queue.Name}{(queue.Options.Enabled ? "" : " (disabled)")}: {string.Join(", ", queue.Options.SchedPlugins)}");
        foreach (var queue in config.InvalidQueues)
            AnsiConsole.MarkupLineInterpolated($"[red]invalid[/] queue {queue.Name}: disabled until fixed ({queue.Errors.Count} error(s))");
        return config.AllErrors.Any() ? 1 : 0;
    }
}
