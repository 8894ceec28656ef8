using Apf.HealthProbe;

// Usage: apf-healthprobe [url]   (default http://127.0.0.1:8080/health, the port of the aspnet images)
var target = args.Length > 0 ? args[0] : "http://127.0.0.1:8080/health";
if (!Uri.TryCreate(target, UriKind.Absolute, out var url))
{
    await Console.Error.WriteLineAsync($"not an absolute URL: {target}");
    return HealthProbe.Usage;
}

var result = await HealthProbe.ProbeAsync(url, TimeSpan.FromSeconds(3), CancellationToken.None);
Console.WriteLine(result == HealthProbe.Healthy ? "healthy" : "unhealthy");
return result;
