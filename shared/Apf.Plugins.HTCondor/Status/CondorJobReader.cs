using Apf.Plugins.HTCondor.ClassAds;
using Apf.Plugins.HTCondor.Commands;

namespace Apf.Plugins.HTCondor.Status;

/// <summary>Runs condor_q / condor_history with a constraint and reads the jobs they print.</summary>
public sealed class CondorJobReader(ICondorCommands commands, CondorConnection connection, string queueAttribute = PilotAttributes.Queue)
{
    private IReadOnlyList<string> Attributes =>
        PilotAttributes.Projection.Contains(queueAttribute, StringComparer.OrdinalIgnoreCase)
            ? PilotAttributes.Projection
            : [.. PilotAttributes.Projection, queueAttribute];

    public async Task<IReadOnlyList<CondorJob>> QueueAsync(string constraint, CancellationToken cancellationToken) =>
        Jobs(await RunAsync("condor_q", CondorCommandLines.Query(connection, constraint, Attributes), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<CondorJob>> HistoryAsync(string constraint, long completedSince, CancellationToken cancellationToken) =>
        Jobs(await RunAsync("condor_history", CondorCommandLines.History(connection, constraint, Attributes, completedSince), cancellationToken).ConfigureAwait(false));

    internal async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await commands.RunAsync(connection.Tool(tool), arguments, connection.Timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
            throw new CondorCommandException($"{tool} exited with code {result.ExitCode}: {Excerpt(result.StandardError)}");
        return result.StandardOutput;
    }

    private IReadOnlyList<CondorJob> Jobs(string output)
    {
        try
        {
            return ClassAdJsonParser.Parse(output).Select(ad => CondorJob.FromAd(ad, queueAttribute)).OfType<CondorJob>().ToList();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new CondorCommandException($"HTCondor printed JSON Apf cannot read: {e.Message}", e);
        }
    }

    internal static string Excerpt(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "(no error output)" : trimmed.Length <= 400 ? trimmed : trimmed[..400] + "...";
    }
}
