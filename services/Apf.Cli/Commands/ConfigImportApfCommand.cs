using System.CommandLine;
using Apf.Core.Configuration;
using Apf.Plugins.All;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary>
/// <c>apf config import-apf --queues queues.conf [--factory factory.conf] -o factory.yaml</c>: APF's INI
/// files as Apf's YAML, offline. Every problem is listed; nothing is written while there is one.
/// </summary>
internal static class ConfigImportApfCommand
{
    public static Command Create()
    {
        var queues = new Option<FileInfo>("--queues") { Description = "APF's queues.conf ([DEFAULT] and one section per queue).", Required = true };
        var factory = new Option<FileInfo?>("--factory") { Description = "APF's factory.conf (its [Factory] section)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The YAML file to write.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };
        var command = new Command("import-apf", "Convert APF's queues.conf and factory.conf to an Apf YAML factory file, checking every queue.")
        {
            queues, factory, output, force,
        };
        command.SetAction(parse => Run(parse.GetValue(queues)!, parse.GetValue(factory), parse.GetValue(output)!, parse.GetValue(force)));
        return command;
    }

    private static int Run(FileInfo queues, FileInfo? factory, FileInfo output, bool force)
    {
        var missing = new[] { queues, factory }.OfType<FileInfo>().Where(f => !f.Exists).ToList();
        foreach (var file in missing) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {file.FullName}: no such file");
        if (missing.Count > 0) return 1;
        if (output.Exists && !force)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {output.FullName} exists; give --force to overwrite it");
            return 1;
        }

        var raw = IniConfigReader.ReadFiles(queues.FullName, factory?.FullName);
        // The converted file is checked as `apf run` would load it, so what is written will run.
        var config = PluginCatalogs.Build(raw);
        var errors = config.AllErrors.ToList();
        foreach (var error in errors) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.ToString()}");
        foreach (var warning in config.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning.ToString()}");
        if (errors.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{errors.Count} error(s)[/]: {output.Name} was not written");
            return 1;
        }
        File.WriteAllText(output.FullName, YamlConfigWriter.Write(raw));
        AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {output.FullName}: {raw.Queues.Count} queue(s) from {queues.Name}{(factory is null ? "" : $" and {factory.Name}")}");
        return 0;
    }
}
