using System.CommandLine;
using Apf.Cli.Embedded;

namespace Apf.Cli.Commands;

/// <summary><c>apf run</c>: the all-in-one factory (every service in one process, in-memory bus).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var untilDrained = new Option<bool>("--until-drained")
        {
            Description = "Exit with code 0 once every queue is empty and no pilot runs, printing a summary (for scripts and tests).",
        };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "Give up after this long (e.g. 00:10:00) with exit code 2; with --until-drained, guards scripts against a queue that never drains.",
        };
        var listen = new Option<string>("--listen")
        {
            Description = "Where the monitor page is served and pilots report start, heartbeat and end (port 0: any free port).",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary and problems, not every cycle." };
        var command = new Command("run", "Run the factory with every service in this process (no RabbitMQ, no MongoDB needed).")
        {
            config, untilDrained, timeout, listen, quiet,
        };
        command.SetAction((parse, cancellationToken) => EmbeddedFactory.RunAsync(new EmbeddedRunOptions
        {
            ConfigFile = parse.GetValue(config)!.FullName,
            UntilDrained = parse.GetValue(untilDrained),
            Timeout = parse.GetValue(timeout),
            Listen = parse.GetValue(listen)!,
            Quiet = parse.GetValue(quiet),
        }, cancellationToken));
        return command;
    }
}
