using Apf.Cli.Commands;
using Spectre.Console;
using System.CommandLine;

// Piped into a file or a CI log, lines would wrap at 80 columns; keep each line whole.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;

var root = new RootCommand("""
    apf — a pilot factory. Decides, queue by queue and cycle by cycle, how many pilots to send to a batch
    system from how much work waits in a WMS, and explains every number.
    Start with: apf run --config examples/demo/factory.yaml
    """);
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ConfigCommand.Create());
root.Subcommands.Add(JobsCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
return await root.Parse(args).InvokeAsync();
