using System.Text;
using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Plugins.Wms.Http;
using Apf.Plugins.Wms.HttpJson;
using Apf.Plugins.Wms.Panda;
using Apf.Plugins.Wms.RabbitMq;

namespace Apf.Plugins.Wms;

public static class WmsPlugins
{
    public const string PandaDefaultUrl = "https://pandaserver.cern.ch:25443/api/v1";
    private static readonly string[] PandaStatistics = ["active_job_stats_by_site", "job_stats_by_site_and_resource_type"];

    /// <summary>WMS status "Panda", "RabbitMQ" and "HttpJson".</summary>
    public static PluginCatalog AddWmsPlugins(this PluginCatalog catalog) =>
        catalog.AddWmsStatus("Panda", CreatePanda)
               .AddWmsStatus("RabbitMQ", CreateRabbitMq)
               .AddWmsStatus("HttpJson", CreateHttpJson);

    private static IWmsStatusPlugin CreatePanda(PluginContext context)
    {
        var s = context.Settings;
        var p = Prefix("Panda");
        var url = HttpOptions.ReadUrl(s, p + "url", PandaDefaultUrl) ?? PandaDefaultUrl;
        var statistics = s.String(p + "statistics", PandaStatistics[0])!.Trim();
        if (!PandaStatistics.Contains(statistics))
        {
            s.Error(p + "statistics", $"'{statistics}' is not one of {string.Join(", ", PandaStatistics)}");
            statistics = PandaStatistics[0];
        }
        var statusUrl = HttpOptions.ReadUrl(s, p + "queuestatusurl", required: false);
        var http = HttpOptions.Read(s, p);
        var headers = new Dictionary<string, string>();
        // PanDA's token authentication names the token issuer's VO in the Origin header.
        if (s.String(p + "vo") is { Length: > 0 } vo) headers["Origin"] = vo.Trim();
        var options = new PandaOptions(new Uri(url.TrimEnd('/') + "/statistics/" + statistics), statusUrl is null ? null : new Uri(statusUrl));
        return new PandaWmsStatus(new WmsHttpClient(http, headers), options);
    }

    private static IWmsStatusPlugin CreateRabbitMq(PluginContext context)
    {
        var s = context.Settings;
        var p = Prefix("RabbitMQ");
        var url = HttpOptions.ReadUrl(s, p + "url") ?? "http://localhost:15672/";
        var vhost = s.String(p + "vhost", "/")!;
        var prefix = s.String(p + "queueprefix", "")!;
        var user = s.String(p + "username", "guest")!;
        var passwordFile = s.String(p + "passwordfile")?.Trim();
        if (passwordFile is { Length: > 0 } && !File.Exists(passwordFile))
            s.Error(p + "passwordfile", $"'{passwordFile}' does not exist");
        if (string.IsNullOrEmpty(passwordFile) && user != "guest")
            s.Error(p + "passwordfile", $"is required for user '{user}' (only guest has a known password)");
        var http = HttpOptions.Read(s, p);
        // The password is read when a request is made, so a renewed file is picked up without a restart.
        Func<string> credentials = () =>
        {
            var password = string.IsNullOrEmpty(passwordFile) ? "guest" : SecretFile.Read(passwordFile, "password");
            return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        };
        var options = new RabbitMqOptions(new Uri(url.TrimEnd('/') + "/"), vhost, prefix);
        return new RabbitMqWmsStatus(new WmsHttpClient(http, basicCredentials: credentials), options);
    }

    private static IWmsStatusPlugin CreateHttpJson(PluginContext context)
    {
        var s = context.Settings;
        var p = Prefix("HttpJson");
        var url = HttpOptions.ReadUrl(s, p + "url") ?? "http://localhost/";
        var options = new HttpJsonOptions
        {
            Url = url,
            Ready = Path(s, p + "ready", required: true) ?? new JsonPathQuery(p + "ready", "$.ready"),
            Running = Path(s, p + "running"),
            NotReady = Path(s, p + "notready"),
            Done = Path(s, p + "done"),
            Failed = Path(s, p + "failed"),
            Site = Path(s, p + "site"),
        };
        return new HttpJsonWmsStatus(new WmsHttpClient(HttpOptions.Read(s, p)), options);
    }

    private static JsonPathQuery? Path(SettingsReader s, string key, bool required = false)
    {
        var template = required ? s.RequiredString(key) : s.String(key);
        if (string.IsNullOrWhiteSpace(template)) return null;
        template = template.Trim();
        if (JsonPathQuery.Problem(template) is { } problem)
        {
            s.Error(key, $"'{template}' is not a JSONPath expression: {problem}");
            return null;
        }
        return new JsonPathQuery(key, template);
    }

    private static string Prefix(string plugin) => PluginCatalog.KeyPrefix(PluginKind.WmsStatus, plugin);
}
