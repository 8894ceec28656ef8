using System.CommandLine;
using Apf.Cli.Embedded;
using Apf.Core.Configuration;
using Apf.Plugins.All;
using Apf.Plugins.Local.DirectoryQueue;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary><c>apf jobs add QUEUE N</c>: puts work in a directory queue (the demo's WMS).</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var queue = new Argument<string>("QUEUE") { Description = "The Apf queue whose directory-queue WMS gets the jobs." };
        var count = new Argument<int>("N") { Description = "How many jobs to add." };
        var script = new Option<string?>("--script")
        {
            Description = "The job: shell text each job runs (default: a demo job that works for 1-3 seconds; one in ten fails).",
        };
        var add = new Command("add", "Add N jobs to a queue's directory queue.") { queue, count, script, config };
        add.SetAction(parse => Add(parse.GetValue(config)!, parse.GetValue(queue)!, parse.GetValue(count), parse.GetValue(script)));
        return new Command("jobs", "Work with the jobs of directory-queue WMSs.") { add };
    }

    private static int Add(FileInfo file, string queueName, int count, string? script)
    {
        if (count < 1)
        {
            AnsiConsole.MarkupLine("[red]error:[/] N must be at least 1");
            return 1;
        }
        var config = PluginCatalogs.Build(YamlConfigReader.ReadFile(file.FullName));
        var queue = config.Queues.FirstOrDefault(q => q.Name == queueName);
        if (queue?.WmsStatus is not DirectoryQueueStatus wms)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {file.FullName}: no valid queue '{queueName}' with the DirectoryQueue WMS; queues: {string.Join(", ", config.Queues.Select(q => q.Name))}");
            return 1;
        }
        var ids = wms.Queue.AddJobs(queue.Options.WmsQueue, count, script ?? DemoJobs.Script);
        AnsiConsole.MarkupLineInterpolated($"added {ids.Count} job(s) to {wms.Queue.QueuePath(queue.Options.WmsQueue)}/ready");
        return 0;
    }
}
