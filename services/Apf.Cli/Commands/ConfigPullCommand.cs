using System.CommandLine;
using Apf.Config.Client;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary><c>apf config pull --from URL [-o FILE]</c>: the service's whole configuration as YAML.</summary>
internal static class ConfigPullCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Base address of the config service, e.g. http://apf-config:5080.", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the YAML to this file (default: standard output)." };
        var keyFile = new Option<FileInfo?>("--api-key-file")
        {
            Description = $"File holding the API key, only needed when the service requires keys for reads (default: {ConfigServiceAccess.ApiKeyVariable}, if set).",
        };
        var command = new Command("pull", "Write the config service's configuration as a YAML file (the file `apf run` and `apf config push` take).")
        {
            from, output, keyFile,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(from)!, parse.GetValue(output), parse.GetValue(keyFile), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string url, FileInfo? output, FileInfo? keyFile, CancellationToken cancellationToken)
    {
        if (ConfigServiceAccess.BaseUri(url, "--from") is not { } baseUri) return 1;
        var (ok, key) = ConfigServiceAccess.ApiKey(keyFile, required: false);
        if (!ok) return 1;
        using var http = ConfigServiceAccess.Http(baseUri);
        PulledConfig pulled;
        try
        {
            pulled = await new ConfigServiceClient(http, key).PullAsync(cancellationToken);
        }
        catch (Exception e) when (ConfigServiceAccess.IsRequestFailure(e))
        {
            return ConfigServiceAccess.Failed(e, baseUri);
        }
        if (output is null)
        {
            // Plain text, not Spectre: the YAML must reach a pipe exactly as the service sent it.
            await Console.Out.WriteAsync(pulled.Yaml);
            await Console.Error.WriteLineAsync($"revision {pulled.Revision} from {baseUri}");
            return 0;
        }
        await File.WriteAllTextAsync(output.FullName, pulled.Yaml, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]pulled[/] revision {pulled.Revision} from {baseUri} to {output.FullName} (push it back with --revision {pulled.Revision} to refuse others' changes in between)");
        return 0;
    }
}
