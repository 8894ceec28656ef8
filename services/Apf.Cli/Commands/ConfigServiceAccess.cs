using Apf.Config.Client;
using Spectre.Console;

namespace Apf.Cli.Commands;

/// <summary>What push and pull share: the service address, the API key, and how refusals are shown.</summary>
internal static class ConfigServiceAccess
{
    public const string ApiKeyVariable = "APF_CONFIG_API_KEY";

    public static Uri? BaseUri(string url, string option)
    {
        if (Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {option} {url}: not an http(s) address");
        return null;
    }

    /// <summary>
    /// The key from --api-key-file, else from APF_CONFIG_API_KEY. It is never printed: messages name the
    /// file or the variable only.
    /// </summary>
    public static (bool Ok, string? Key) ApiKey(FileInfo? file, bool required)
    {
        if (file is not null)
        {
            if (!file.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --api-key-file {file.FullName}: no such file");
                return (false, null);
            }
            var key = File.ReadAllText(file.FullName).Trim();
            if (key.Length > 0) return (true, key);
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --api-key-file {file.FullName} is empty");
            return (false, null);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(ApiKeyVariable)?.Trim();
        if (!string.IsNullOrEmpty(fromEnvironment)) return (true, fromEnvironment);
        if (!required) return (true, null);
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] no API key: give --api-key-file FILE or set {ApiKeyVariable}");
        return (false, null);
    }

    public static HttpClient Http(Uri baseUri) => new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Prints why a request failed; returns the exit code 1.</summary>
    public static int Failed(Exception e, Uri baseUri)
    {
        switch (e)
        {
            case ConfigServiceException refused:
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {baseUri} refused ({(int)refused.Status}): {refused.Message}");
                foreach (var error in refused.Errors) AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.ToString()}");
                break;
            default:
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] cannot reach {baseUri}: {e.Message}");
                break;
        }
        return 1;
    }

    public static bool IsRequestFailure(Exception e) => e is ConfigServiceException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException;
}
