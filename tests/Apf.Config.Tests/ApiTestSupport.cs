using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Apf.Config.Tests;

internal static class ApiTestSupport
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The factory section every test starts from: a factory id and the plugins all queues use.</summary>
    public static async Task SeedFactoryAsync(HttpClient client)
    {
        var response = await client.PutAsJsonAsync("/api/factory", new
        {
            version = 0,
            factory = new Dictionary<string, string> { ["factoryId"] = "test-factory" },
            defaults = new Dictionary<string, string>
            {
                ["wmsstatusplugin"] = "Panda",
                ["batchstatusplugin"] = "Condor",
                ["batchsubmitplugin"] = "CondorLocal",
                ["schedplugin"] = "Ready, MaxPending",
                ["sched.maxpending.maximum"] = "50",
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> CreateQueueAsync(HttpClient client, string name, Dictionary<string, string>? settings = null)
    {
        var response = await client.PostAsJsonAsync("/api/queues", new { name, settings = settings ?? [] }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct));

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public static Dictionary<string, string> Effective(JsonElement queue, out Dictionary<string, string> origins)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in queue.GetProperty("effective").EnumerateArray())
        {
            values[e.GetProperty("key").GetString()!] = e.GetProperty("value").GetString()!;
            origins[e.GetProperty("key").GetString()!] = e.GetProperty("origin").GetString()!;
        }
        return values;
    }
}
