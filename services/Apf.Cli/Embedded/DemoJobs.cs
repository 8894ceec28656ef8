using Apf.Core.Configuration;
using Apf.Plugins.Local.DirectoryQueue;
using Spectre.Console;

namespace Apf.Cli.Embedded;

/// <summary>
/// Work for the demo: a job that computes for a moment and sometimes fails, so the console shows both
/// outcomes. Seeded into empty directory queues when the factory file sets <c>demo.seedjobs</c>.
/// </summary>
internal static class DemoJobs
{
    public const string Script = """
        # An Apf demo job: works for 1-3 seconds; about one in ten fails, as real payloads sometimes do.
        seconds=$(( RANDOM % 3 + 1 ))
        echo "job ${APF_JOB_ID:-?} on $(hostname) computing for ${seconds}s"
        sleep "$seconds"
        if (( RANDOM % 10 == 0 )); then echo "job failed: simulated payload error" >&2; exit 3; fi
        echo "job done"
        """;

    public static void Seed(FactoryConfig config)
    {
        var raw = config.Factory.Raw["demo.seedjobs"];
        if (raw is null || !int.TryParse(raw, out var count) || count <= 0) return;
        foreach (var queue in config.EnabledQueues)
        {
            if (queue.WmsStatus is not DirectoryQueueStatus wms) continue;
            var wmsQueue = queue.Options.WmsQueue;
            // Only a queue that has never held work is seeded: a restarted demo carries on where it was.
            if (wms.Queue.Count(wmsQueue) is { } c && c.Ready + c.Running + c.Done + c.Failed > 0) continue;
            wms.Queue.AddJobs(wmsQueue, count, Script);
            AnsiConsole.MarkupLineInterpolated($"[grey]seeded {count} demo jobs into {wms.Queue.QueuePath(wmsQueue)}/ready[/]");
        }
    }
}
