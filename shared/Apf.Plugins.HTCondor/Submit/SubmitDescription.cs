using System.Text;
using System.Text.RegularExpressions;
using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.ClassAds;

namespace Apf.Plugins.HTCondor.Submit;

/// <summary>
/// Builds the submit description of one command: all its pilots in one cluster ("queue N"), each
/// labelled with MATCH_APF_QUEUE, ApfFactory, ApfCommandId and ApfPilotLabel, writing out/err/log into
/// the request's log folder.
/// </summary>
public static partial class SubmitDescription
{
    public static string Build(PilotRequest request, CondorSubmitOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1);
        var label = request.Label;
        var logs = SingleLine(request.LogDirectory, "log directory").TrimEnd('/');
        var sb = new StringBuilder();
        sb.Append("# Apf pilots of factory ").Append(label.Factory).Append(", queue ").Append(label.Queue)
          .Append(", command ").Append(label.CommandId.ToString("N")).Append('\n');
        Line(sb, "universe", options.Universe);
        if (options.GridResource is not null) Line(sb, "grid_resource", options.GridResource);
        Line(sb, "executable", SingleLine(request.Executable, "executable"));
        if (request.Arguments.Count > 0) Line(sb, "arguments", SubmitQuoting.Arguments(request.Arguments));
        Line(sb, "output", $"{logs}/$(Cluster).$(Process).out");
        Line(sb, "error", $"{logs}/$(Cluster).$(Process).err");
        Line(sb, "log", $"{logs}/$(Cluster).$(Process).log");
        Line(sb, "should_transfer_files", "YES");
        Line(sb, "when_to_transfer_output", "ON_EXIT");
        var environment = request.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        foreach (var (name, _) in environment)
            if (!EnvironmentName().IsMatch(name)) throw new ArgumentException($"'{name}' is not a valid environment variable name");
        if (environment.Count > 0) Line(sb, "environment", SubmitQuoting.Environment(environment));
        if (options.X509UserProxy is not null) Line(sb, "x509userproxy", options.X509UserProxy);
        if (options.Flavour == CondorFlavour.CE && !string.IsNullOrWhiteSpace(request.BatchQueue))
            Line(sb, "+queue", ClassAdLiteral.Quote(request.BatchQueue.Trim())); // HTCondor-CE routes on +queue
        Line(sb, "+" + PilotAttributes.Queue, ClassAdLiteral.Quote(label.Queue));
        Line(sb, "+" + PilotAttributes.Factory, ClassAdLiteral.Quote(label.Factory));
        Line(sb, "+" + PilotAttributes.CommandId, ClassAdLiteral.Quote(label.CommandId.ToString("N")));
        Line(sb, "+" + PilotAttributes.Label, ClassAdLiteral.Quote(label.ToString()));
        foreach (var (name, value) in options.Attributes) Line(sb, name, value);
        sb.Append("queue ").Append(request.Count).Append('\n');
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, string value) =>
        sb.Append(name).Append(" = ").Append(value).Append('\n');

    // A newline in a value would start a new submit command: configuration must not inject commands.
    private static string SingleLine(string value, string what) =>
        value.Any(char.IsControl) ? throw new ArgumentException($"the {what} must be a single line") : value;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
