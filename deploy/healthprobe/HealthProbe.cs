namespace Apf.HealthProbe;

/// <summary>One HTTP GET; healthy means a 2xx status within the timeout.</summary>
public static class HealthProbe
{
    public const int Healthy = 0;
    public const int Unhealthy = 1;
    public const int Usage = 2;

    public static async Task<int> ProbeAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            return response.IsSuccessStatusCode ? Healthy : Unhealthy;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return Unhealthy;
        }
    }
}
