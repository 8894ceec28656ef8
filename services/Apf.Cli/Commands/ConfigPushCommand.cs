using System.CommandLine;
using Apf.Config.Client;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary>
/// <c>apf config push FILE --to URL</c>: replaces the service's whole configuration with a YAML file.
/// The service checks it first and refuses it whole, listing every error, if any queue is invalid.
/// </summary>
internal static class ConfigPushCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The YAML factory file to push (factory, defaults, queues)." };
        var to = new Option<string>("--to") { Description = "Base address of the config service, e.g. http://apf-config:5080.", Required = true };
        var keyFile = new Option<FileInfo?>("--api-key-file")
        {
            Description = $"File holding the API key (default: the {ConfigServiceAccess.ApiKeyVariable} environment variable). The key is never printed.",
        };
        var revision = new Option<long?>("--revision")
        {
            Description = "Push only if the service is still at this revision (as `apf config pull` printed); without it, the current revision is overwritten.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Let the service check the file without saving it." };
        var command = new Command("push", "Replace the config service's configuration with a YAML file; running factories follow at their next cycle.")
        {
            file, to, keyFile, revision, dryRun,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(to)!, parse.GetValue(keyFile),
            parse.GetValue(revision), parse.GetValue(dryRun), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string url, FileInfo? keyFile, long? revision, bool dryRun, CancellationToken cancellationToken)
    {
        if (ConfigServiceAccess.BaseUri(url, "--to") is not { } baseUri) return 1;
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {file.FullName}: no such file");
            return 1;
        }
        var (ok, key) = ConfigServiceAccess.ApiKey(keyFile, required: true);
        if (!ok) return 1;
        var yaml = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        using var http = ConfigServiceAccess.Http(baseUri);
        PushResult result;
        try
        {
            result = await new ConfigServiceClient(http, key).PushAsync(yaml, revision, dryRun, cancellationToken);
        }
        catch (Exception e) when (ConfigServiceAccess.IsRequestFailure(e))
        {
            return ConfigServiceAccess.Failed(e, baseUri);
        }
        foreach (var warning in result.Warnings) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning.ToString()}");
        if (dryRun)
            AnsiConsole.MarkupLineInterpolated($"[green]valid[/]: {file.Name} ({result.Queues} queue(s)) would be accepted by {baseUri}; nothing was saved");
        else if (result.Changed)
            AnsiConsole.MarkupLineInterpolated($"[green]pushed[/] {file.Name} to {baseUri}: revision {result.Revision}, {result.Queues} queue(s)");
        else
            AnsiConsole.MarkupLineInterpolated($"[grey]no change[/]: {baseUri} already holds {file.Name} (revision {result.Revision})");
        return 0;
    }
}
