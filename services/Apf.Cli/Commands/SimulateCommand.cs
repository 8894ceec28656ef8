using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Apf.Core.Configuration;
using Apf.Simulation;
using Apf.Simulation.Reporting;
using Apf.Simulation.Workload;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary>
/// <c>apf simulate</c>: the scheduler lab. Runs real scheduler chains over an SWF trace or a seeded
/// synthetic workload against a simulated WMS and batch system, and compares them side by side.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var trace = new Option<FileInfo?>("--trace") { Description = "A Standard Workload Format (SWF) trace, plain or gzip-compressed (.swf.gz); without it a synthetic workload is generated." };
        var spread = new Option<string>("--spread")
        {
            Description = "How trace jobs are spread over queues: 'queue' (one queue per SWF queue number, field 15) or 'round-robin' (over --queues).",
            DefaultValueFactory = _ => "queue",
        };
        spread.AcceptOnlyFromAmong("queue", "round-robin");
        var synthetic = new Option<string>("--synthetic") { Description = "Synthetic shape: steady, bursty or diurnal.", DefaultValueFactory = _ => "steady" };
        synthetic.AcceptOnlyFromAmong("steady", "bursty", "diurnal");
        var queues = new Option<int>("--queues") { Description = "Queues of the synthetic workload (or of --spread round-robin).", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed of the workload and of the batch delays.", DefaultValueFactory = _ => 1 };
        var hours = new Option<double>("--hours") { Description = "Hours of synthetic arrivals.", DefaultValueFactory = _ => 24 };
        var rate = new Option<double>("--rate") { Description = "Mean synthetic jobs per hour per queue.", DefaultValueFactory = _ => 30 };
        var runtime = new Option<double>("--runtime") { Description = "Mean synthetic job run time, seconds.", DefaultValueFactory = _ => 1800 };
        var chain = new Option<string>("--chain") { Description = "The scheduler chain to simulate.", DefaultValueFactory = _ => SimulationDefaults.RecommendedChain };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Further chains to run on the same workload (repeatable). Default: APF's usual chain as ATLAS configured it (MinPerCycle 0, MaxPerCycle 50), the same with MinPerCycle 1, and KEDA's accurate strategy.",
            AllowMultipleArgumentsPerToken = false,
        };
        var set = new Option<string[]>("--set") { Description = "A flat APF key for every queue, key=value (repeatable), e.g. sched.maxpending.maximum=20, sim.batch.delay=exp:900." };
        var plot = new Option<FileInfo?>("--plot") { Description = "Write a PNG of the time series of every chain." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the time series of every chain as CSV." };
        var summary = new Option<FileInfo?>("--summary") { Description = "Append the figures of every chain as CSV rows (header written when the file is new)." };
        var command = new Command("simulate", "Compare scheduler chains on a simulated WMS and batch system (discrete-event, virtual clock).")
        {
            trace, spread, synthetic, queues, seed, hours, rate, runtime, chain, compare, set, plot, csv, summary,
        };
        command.SetAction(parse => Run(new Request(
            parse.GetValue(trace), parse.GetValue(spread)!, parse.GetValue(synthetic)!, parse.GetValue(queues), parse.GetValue(seed),
            parse.GetValue(hours), parse.GetValue(rate), parse.GetValue(runtime), parse.GetValue(chain)!,
            parse.GetValue(compare) ?? [], parse.GetValue(set) ?? [], parse.GetValue(plot), parse.GetValue(csv), parse.GetValue(summary))));
        return command;
    }

    private sealed record Request(
        FileInfo? Trace, string Spread, string Shape, int Queues, int Seed, double Hours, double Rate, double RunTime,
        string Chain, string[] Compare, string[] Set, FileInfo? Plot, FileInfo? Csv, FileInfo? Summary);

    private static int Run(Request request)
    {
        Settings settings;
        try
        {
            settings = Simulation.Simulation.SettingsFrom(SimulationDefaults.Settings.Concat(request.Set));
        }
        catch (ArgumentException e)
        {
            return Fail(e.Message);
        }
        var errors = new List<ConfigError>();
        var options = SimulationOptions.Read(new SettingsReader(settings, null, errors, "--set"), request.Seed);
        var builder = new ChainBuilder(settings);
        var chains = new[] { request.Chain }
            .Concat(request.Compare.Length > 0 ? request.Compare : [SimulationDefaults.ApfAtlasChain, SimulationDefaults.ApfChain, SimulationDefaults.KedaChain])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var c in chains) errors.AddRange(builder.Check(c));
        if (errors.Count > 0)
        {
            foreach (var e in errors.Distinct()) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.ToString()}");
            return 1;
        }

        JobWorkload workload;
        try
        {
            workload = Load(request);
        }
        catch (Exception e) when (e is SwfFormatException or IOException or ArgumentException)
        {
            return Fail(e.Message);
        }
        // Figures of an empty run would read as a tie between chains; a trace with nothing to run is a mistake.
        if (workload.Jobs.Count == 0) return Fail($"{workload.Description}: no jobs to simulate");

        var watch = Stopwatch.StartNew();
        var results = Simulation.Simulation.Compare(workload, chains, builder, options);
        watch.Stop();

        AnsiConsole.MarkupLineInterpolated($"[bold]{workload.Description}[/]: {workload.Jobs.Count:N0} jobs over {workload.Queues.Count:N0} queue(s)");
        AnsiConsole.MarkupLineInterpolated($"batch delay {options.BatchDelay}, {options.SiteSlots} slots/queue, cycle {options.Sleep.TotalSeconds:0} s, status every {options.BatchStatusInterval.TotalSeconds:0} s, pilot idle timeout {options.IdleTimeout.TotalSeconds:0} s");
        AnsiConsole.Write(ResultTable.Build(results));
        foreach (var line in ResultTable.Legend(results)) AnsiConsole.WriteLine(line);
        for (var i = 1; i < results.Count; i++)
            AnsiConsole.WriteLine(TradeOff.Describe(ResultTable.Letter(0), results[0], ResultTable.Letter(i), results[i]));
        AnsiConsole.WriteLine($"every chain, unless its own settings (after ';') say otherwise: {string.Join(", ", SimulationDefaults.Settings.Concat(request.Set))}");
        AnsiConsole.MarkupLineInterpolated($"[grey]{chains.Length} chain(s) simulated in {watch.Elapsed.TotalSeconds:0.0} s (wall clock)[/]");

        if (request.Csv is { } csvFile)
        {
            using var writer = new StreamWriter(csvFile.FullName);
            SeriesCsv.Write(writer, results);
            AnsiConsole.MarkupLineInterpolated($"time series: {csvFile.FullName}");
        }
        if (request.Summary is { } summaryFile)
        {
            var exists = summaryFile.Exists && summaryFile.Length > 0;
            using var writer = new StreamWriter(summaryFile.FullName, append: true);
            SummaryCsv.Write(writer, workload.Description, results, header: !exists, settings: string.Join("; ", request.Set.Prepend($"seed {request.Seed}")));
        }
        if (request.Plot is { } plotFile)
        {
            SeriesPlot.SavePng(plotFile.FullName, results, workload.Description);
            AnsiConsole.MarkupLineInterpolated($"plot: {plotFile.FullName}");
        }
        return 0;
    }

    private static JobWorkload Load(Request r)
    {
        if (r.Trace is { } file)
        {
            if (!file.Exists) throw new IOException($"{file.FullName}: no such file");
            var spread = r.Spread == "round-robin" ? QueueSpread.RoundRobin : QueueSpread.SwfQueue;
            var built = SwfWorkload.Build(SwfReader.ReadFile(file.FullName), spread, r.Queues, file.Name);
            if (built.Skipped > 0) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {built.Skipped} job(s) without submit or run time skipped");
            if (built.Cancelled > 0) AnsiConsole.MarkupLineInterpolated($"note: {built.Cancelled} job(s) cancelled before they ran (status 5, no run time) left out");
            if (built.Partial > 0) AnsiConsole.MarkupLineInterpolated($"note: {built.Partial} partial-execution line(s) (status 2-4) left out: their jobs' summary lines are used");
            return built.Workload;
        }
        return SyntheticWorkload.Generate(new SyntheticOptions
        {
            Shape = Enum.Parse<WorkloadShape>(r.Shape, ignoreCase: true),
            Seed = r.Seed,
            Queues = r.Queues,
            Duration = TimeSpan.FromHours(r.Hours),
            JobsPerHour = r.Rate,
            MeanRunTime = TimeSpan.FromSeconds(r.RunTime),
        });
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
        return 1;
    }
}

/// <summary>The side-by-side table: one column per chain, one row per figure.</summary>
internal static class ResultTable
{
    public static Table Build(IReadOnlyList<SimulationResult> results)
    {
        // Columns are letters, named by the legend under the table: full chain names would not fit a terminal.
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure");
        for (var i = 0; i < results.Count; i++) table.AddColumn(new TableColumn(Letter(i)).RightAligned());
        Row("jobs (never started)", r => $"{r.Jobs:N0} ({r.JobsNeverStarted:N0})");
        Row("job wait p50", r => TradeOff.Duration(r.WaitP50Seconds));
        Row("job wait p95", r => TradeOff.Duration(r.WaitP95Seconds));
        Row("job wait max", r => TradeOff.Duration(r.WaitMaxSeconds));
        Row("empty pilots", r => $"{r.EmptyFraction * 100:0.0} % ({r.EmptyPilots:N0})");
        Row("idle pilot-hours", r => r.IdlePilotHours.ToString("N1", CultureInfo.InvariantCulture));
        Row("busy pilot-hours", r => r.BusyPilotHours.ToString("N1", CultureInfo.InvariantCulture));
        Row("pilots submitted", r => $"{r.PilotsSubmitted:N0}");
        Row("pilots retired", r => $"{r.PilotsRetired:N0}");
        Row("peak pending (one queue)", r => $"{r.PeakPendingPerQueue:N0}");
        Row("peak pending (all queues)", r => $"{r.PeakPendingTotal:N0}");
        Row("decisions (of evaluations)", r => $"{r.Decisions:N0} ({r.Evaluations:N0})");
        return table;

        void Row(string name, Func<SimulationResult, string> value) =>
            table.AddRow(new[] { name }.Concat(results.Select(value)).Select(s => new Markup(Markup.Escape(s))).ToArray());
    }

    /// <summary>One line per column: its letter and the whole chain with its own settings (a caption would cut them at the table's width).</summary>
    public static IEnumerable<string> Legend(IReadOnlyList<SimulationResult> results) =>
        results.Select((r, i) => $"{Letter(i)}: {r.Chain}");

    public static string Letter(int i) => ((char)('A' + i % 26)).ToString();
}
