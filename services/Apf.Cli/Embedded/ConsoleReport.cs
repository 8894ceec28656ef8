using Apf.Contracts;
using Apf.Core.Configuration;
using Spectre.Console;

namespace Apf.Cli.Embedded;

/// <summary>What a person watching <c>apf run</c> sees: each cycle's figures, decision and explanation.</summary>
internal static class ConsoleReport
{
    private static readonly Lock Gate = new();


    /// <summary>Prints configuration problems; false when the factory cannot start at all.</summary>
    public static bool Configuration(FactoryConfig config)
    {
        foreach (var error in config.Errors) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.ToString()}");
        if (!config.IsUsable)
        {
            AnsiConsole.MarkupLine("[red]the factory cannot start: fix the errors above (apf config validate FILE)[/]");
            return false;
        }
        foreach (var queue in config.InvalidQueues)
            foreach (var error in queue.Errors)
                AnsiConsole.MarkupLineInterpolated($"[red]queue {queue.Name} disabled:[/] {error.ToString()}");
        foreach (var warning in config.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning.ToString()}");
        return true;
    }

    public static void Decision(QueueDecided d)
    {
        var wms = d.Wms is { } w ? $"ready {w.Ready,3} running {w.Running,3} done {w.Done,3} failed {w.Failed,3}" : d.WmsState;
        var batch = d.Batch is { } b ? $"pending {b.Pending,3} running {b.Running,3} finished {b.Done,3} failed {b.Failed,3}" : d.BatchState;
        var colour = d.Error is not null ? "red" : d.Decision > 0 ? "green" : d.Decision < 0 ? "yellow" : "grey";
        lock (Gate)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[grey]{d.DecidedAt.ToLocalTime():HH:mm:ss}[/] [bold]{d.Queue,-12}[/] cycle {d.Cycle,-4} WMS: {wms} | batch: {batch} | in-flight {d.InFlight} → [{colour}]{d.Action}[/]");
            foreach (var step in d.Steps)
                AnsiConsole.MarkupLineInterpolated($"    [grey]{step.Plugin,-16} {step.Input,4} → {step.Output,-4} {step.Explanation}[/]");
            if (d.Error is not null) AnsiConsole.MarkupLineInterpolated($"    [red]error: {d.Error}[/]");
            if (!d.WmsState.StartsWith("fresh")) AnsiConsole.MarkupLineInterpolated($"    [yellow]wms status {d.WmsState}[/]");
            if (!d.BatchState.StartsWith("fresh")) AnsiConsole.MarkupLineInterpolated($"    [yellow]batch status {d.BatchState}[/]");
        }
    }

    public static void Submission(PilotsSubmitted r)
    {
        lock (Gate)
        {
            if (r.Error is not null)
                AnsiConsole.MarkupLineInterpolated($"    [red]{r.Queue}: submitting {r.Requested} pilot(s) failed: {r.Error}[/]");
            else if (r.AlreadyApplied)
                AnsiConsole.MarkupLineInterpolated($"    [yellow]{r.Queue}: command {r.CommandId:N} was already applied; nothing submitted again[/]");
            else
                AnsiConsole.MarkupLineInterpolated($"    [green]{r.Queue}: submitted {r.BatchIds.Count} pilot(s)[/] [grey]{string.Join(" ", r.BatchIds.Take(5))}{(r.BatchIds.Count > 5 ? " ..." : "")}[/]");
        }
    }

    public static void Summary(RunSummary s)
    {
        var table = new Table().Title("summary").AddColumns("queue", "jobs done", "jobs failed", "pilots submitted", "empty pilots", "cycles");
        foreach (var q in s.Queues)
            table.AddRow(q.Queue, q.JobsDone.ToString(), q.JobsFailed.ToString(), q.PilotsSubmitted.ToString(), q.EmptyPilots.ToString(), q.Cycles.ToString());
        AnsiConsole.Write(table);
        // One plain line for scripts.
        Console.WriteLine($"summary: jobs done {s.JobsDone}, jobs failed {s.JobsFailed}, jobs left {s.JobsLeft}, pilots submitted {s.PilotsSubmitted}, pilots reported {s.PilotsReported}, empty pilots {s.EmptyPilots}");
    }
}
