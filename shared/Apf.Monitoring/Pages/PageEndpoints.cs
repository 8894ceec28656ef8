using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Apf.Monitoring.Pages;

/// <summary>The pages and their script, style and chart code, served from the assembly's resources (no CDN, no web root).</summary>
internal static class PageEndpoints
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> Assets = Load();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Asset("index.html"));
        endpoints.MapGet("/queues/{name}", (string name) => Asset("queue.html"));
        endpoints.MapGet("/monitor/{file}", (string file) => Asset(file));
    }

    private static IResult Asset(string file) =>
        Assets.TryGetValue(file, out var asset) ? Results.Bytes(asset.Content, asset.Type) : Results.NotFound();

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(PageEndpoints).Assembly;
        const string prefix = "apf-monitor/";
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = name[prefix.Length..];
            assets[file] = (buffer.ToArray(), TypeOf(file));
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string TypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
