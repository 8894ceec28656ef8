using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary>
/// <c>apf status</c>: the monitor's overview as a table, read from its JSON API (<c>GET /api/queues</c>) of a
/// running factory or Monitor service. Exit 0 when read, 1 when the monitor cannot be reached.
/// </summary>
internal static class StatusCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "Base address of the monitor (the all-in-one factory or the Monitor service).",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var command = new Command("status", "Print every queue's figures, last decision and health from a running factory's monitor.") { url };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(url)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --url {url}: not an http(s) address");
            return 1;
        }
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        QueueList? list;
        try
        {
            list = await http.GetFromJsonAsync<QueueList>("api/queues", Json, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot read {baseUri}api/queues: {e.Message}");
            return 1;
        }
        if (list is null || list.Queues.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]no queue known yet at {baseUri}[/]");
            return 0;
        }
        // Piped output has no terminal width; Spectre would assume 80 columns and wrap every cell.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        AnsiConsole.Write(Table(list));
        // Errors are long: below the table, one line each, rather than a column that squeezes the figures.
        foreach (var q in list.Queues.Where(q => q.Error is not null || q.LastSubmitError is not null))
            AnsiConsole.MarkupLineInterpolated($"[red]{q.Queue}:[/] {q.Error ?? q.LastSubmitError}");
        var byHealth = list.Queues.GroupBy(q => q.Health).Select(g => $"{g.Count()} {g.Key}");
        AnsiConsole.MarkupLineInterpolated($"[grey]{list.Queues.Count} queue(s): {string.Join(", ", byHealth)} · factory time {list.ServerTime:u}[/]");
        return 0;
    }

    internal static Table Table(QueueList list)
    {
        // Short headings so the table fits 80 columns: ready/running jobs (WMS), pending/running/finished/failed
        // pilots (batch), in flight, last decision, action, cycle, config version, seconds since the decision.
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("queue");
        table.AddColumn("health");
        foreach (var numeric in new[] { "ready", "wrun", "pend", "run", "fin", "fail", "infl", "dec" })
            table.AddColumn(new TableColumn(numeric).RightAligned());
        table.AddColumn("action");
        table.AddColumn(new TableColumn("cyc").RightAligned());
        table.AddColumn(new TableColumn("cfg").RightAligned());
        table.AddColumn(new TableColumn("age").RightAligned());
        foreach (var q in list.Queues)
        {
            table.AddRow(
                Markup.Escape(q.Queue),
                $"[{Colour(q.Health)}]{Markup.Escape(q.Health)}[/]",
                Number(q.Wms?.Ready), Number(q.Wms?.Running),
                Number(q.Batch?.Pending), Number(q.Batch?.Running), Number(q.Batch?.Done), Number(q.Batch?.Failed),
                q.InFlight.ToString(), q.Decision.ToString(),
                Markup.Escape(q.Action ?? "–"),
                q.Cycle.ToString(), q.ConfigVersion.ToString(),
                q.AgeSeconds is { } age ? $"{age:0}s" : "–");
        }
        return table;
    }

    private static string Number(int? value) => value?.ToString() ?? "–";

    private static string Colour(string health) => health switch
    {
        "ok" => "green",
        "starved" => "darkorange",
        "flooding" => "blue",
        "erroring" => "red",
        _ => "grey",
    };

    // The parts of the monitor's JSON (Apf.Monitoring.Api.QueueList) this table shows; kept here so the
    // command depends on the API's JSON contract, not on the monitor's assembly.
    internal sealed record QueueList(DateTimeOffset ServerTime, IReadOnlyList<QueueRow> Queues);

    internal sealed record QueueRow(
        string Queue, string Health, long Cycle, long ConfigVersion, double? AgeSeconds,
        WmsFigures? Wms, BatchFigures? Batch, int InFlight, int Decision, string? Action, string? Error, string? LastSubmitError);

    internal sealed record WmsFigures(int Ready, int Running);

    internal sealed record BatchFigures(int Pending, int Running, int Done, int Failed);
}
