using Apf.Contracts;
using Apf.Plugins.Wms.Http;
using Apf.Plugins.Wms.Panda;
using Microsoft.AspNetCore.Http;

namespace Apf.Plugins.Wms.Tests;

public sealed class PandaTests
{
    private readonly PluginHarness _harness = new();

    [Fact]
    public void Active_job_statistics_map_to_APF_buckets()
    {
        var figures = PandaStatistics.Parse(PandaResponses.ActiveBySite);

        Assert.Equal(new WmsQueueFigures { Ready = 12, Running = 30 + 2 + 1 + 1 + 3, NotReady = 4 + 5 + 6 + 1 + 2 }, figures["BNL_ATLAS_1"]);
        Assert.Equal(new WmsQueueFigures { Running = 7 }, figures["CERN-PROD"]);
    }

    [Fact]
    public void Statistics_per_resource_type_are_summed_per_queue()
    {
        var figures = PandaStatistics.Parse(PandaResponses.BySiteAndResourceType);

        Assert.Equal(new WmsQueueFigures { Ready = 12, Running = 25, NotReady = 1, Done = 40, Failed = 4 }, figures["BNL_ATLAS_1"]);
    }

    [Fact]
    public void A_refusal_surfaces_with_the_server_message()
    {
        var e = Assert.Throws<WmsException>(() => PandaStatistics.Parse(PandaResponses.Refused));

        Assert.Contains("Database failure getting the job statistics", e.Message);
    }

    [Fact]
    public async Task Reads_over_https_with_a_client_certificate_and_the_configured_CA()
    {
        using var certificates = new TestCertificates();
        await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json(PandaResponses.ActiveBySite), certificates.Server);
        var plugin = _harness.Create("Panda",
            ("wmsstatus.panda.url", new Uri(server.BaseUri, "api/v1").ToString()),
            ("wmsstatus.panda.certfile", certificates.CertFile),
            ("wmsstatus.panda.keyfile", certificates.KeyFile),
            ("wmsstatus.panda.cafile", certificates.CaFile));
        Assert.Empty(_harness.Errors);

        var figures = await plugin.ReadAsync(["BNL_ATLAS_1", "NOT_IN_PANDA"], TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v1/statistics/active_job_stats_by_site", request.PathAndQuery);
        Assert.Equal(TestCertificates.ClientSubject, request.ClientCertificateSubject);
        Assert.Equal(12, figures["BNL_ATLAS_1"].Ready);
        Assert.False(figures.ContainsKey("NOT_IN_PANDA")); // missing, not zero
    }

    [Fact]
    public async Task A_proxy_file_holding_certificate_and_key_is_enough()
    {
        using var certificates = new TestCertificates();
        await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json(PandaResponses.ActiveBySite), certificates.Server);
        var plugin = _harness.Create("Panda",
            ("wmsstatus.panda.url", new Uri(server.BaseUri, "api/v1").ToString()),
            ("wmsstatus.panda.certfile", certificates.ProxyFile),
            ("wmsstatus.panda.cafile", certificates.Folder));

        await plugin.ReadAsync(["BNL_ATLAS_1"], TestContext.Current.CancellationToken);

        Assert.Equal(TestCertificates.ClientSubject, Assert.Single(server.Requests).ClientCertificateSubject);
    }

    [Fact]
    public async Task A_server_outside_the_configured_CA_is_refused()
    {
        using var certificates = new TestCertificates();
        using var other = new TestCertificates();
        await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json(PandaResponses.ActiveBySite), certificates.Server);
        var plugin = _harness.Create("Panda", ("wmsstatus.panda.url", server.BaseUri.ToString()), ("wmsstatus.panda.cafile", other.CaFile));

        var e = await Assert.ThrowsAsync<WmsException>(() => plugin.ReadAsync(["BNL_ATLAS_1"], TestContext.Current.CancellationToken));

        Assert.Contains("could not be reached", e.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_bearer_token_is_read_from_its_file_and_never_shown_in_errors()
    {
        const string token = "eyJhbGciOiJSUzI1NiJ9.secret-token-value.sig";
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, token + "\n", TestContext.Current.CancellationToken);
        try
        {
            await using var server = await TestHttpServer.StartAsync(TestHttpServer.Json("{\"success\": false}", status: 403));
            var plugin = _harness.Create("Panda",
                ("wmsstatus.panda.url", server.BaseUri + "api/v1"),
                ("wmsstatus.panda.tokenfile", tokenFile),
                ("wmsstatus.panda.vo", "atlas"));

            var e = await Assert.ThrowsAsync<WmsException>(() => plugin.ReadAsync(["BNL_ATLAS_1"], TestContext.Current.CancellationToken));

            var request = Assert.Single(server.Requests);
            Assert.Equal("Bearer " + token, request.Authorization);
            Assert.Equal("atlas", request.Origin);
            Assert.Contains("403", e.Message);
            Assert.DoesNotContain("secret-token-value", e.ToString());
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Queue_states_come_from_the_status_source_and_make_idle_known_queues_zero()
    {
        await using var server = await TestHttpServer.StartAsync(context =>
            TestHttpServer.Json(context.Request.Path.StartsWithSegments("/cric") ? PandaResponses.QueueStates : PandaResponses.ActiveBySite)(context));
        var plugin = _harness.Create("Panda",
            ("wmsstatus.panda.url", server.BaseUri + "api/v1"),
            ("wmsstatus.panda.queuestatusurl", server.BaseUri + "cric/api/atlas/pandaqueue/query/?json"),
            ("wmsstatus.panda.statistics", "active_job_stats_by_site"));

        var figures = await plugin.ReadAsync(["BNL_ATLAS_1", "IDLE_SITE", "UNKNOWN_SITE"], TestContext.Current.CancellationToken);

        Assert.Equal(SiteState.Online, figures["BNL_ATLAS_1"].Site);
        Assert.Equal(new WmsQueueFigures { Site = SiteState.Offline }, figures["IDLE_SITE"]);
        Assert.False(figures.ContainsKey("UNKNOWN_SITE"));
        Assert.Equal("/cric/api/atlas/pandaqueue/query/?json", server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task A_slow_server_fails_after_the_timeout()
    {
        await using var server = await TestHttpServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
            await context.Response.WriteAsync("{}");
        });
        var plugin = _harness.Create("Panda", ("wmsstatus.panda.url", server.BaseUri + "api/v1"), ("wmsstatus.panda.timeout", "0.3"));

        var e = await Assert.ThrowsAsync<WmsException>(() => plugin.ReadAsync(["BNL_ATLAS_1"], TestContext.Current.CancellationToken));

        Assert.Contains("did not answer within 0.3 s", e.Message);
    }

    [Theory]
    [InlineData("wmsstatus.panda.url", "ftp://pandaserver.cern.ch/")]
    [InlineData("wmsstatus.panda.url", "https://user:pw@pandaserver.cern.ch:25443/api/v1")]
    [InlineData("wmsstatus.panda.statistics", "getJobStatisticsPerSite")]
    [InlineData("wmsstatus.panda.certfile", "/nonexistent/usercert.pem")]
    [InlineData("wmsstatus.panda.tokenfile", "/nonexistent/token")]
    [InlineData("wmsstatus.panda.timeout", "-5")]
    public void Bad_options_are_reported_with_their_key(string key, string value)
    {
        _harness.Create("Panda", (key, value));

        var error = Assert.Single(_harness.Errors);
        Assert.Equal(key, error.Key);
        Assert.DoesNotContain(":pw@", error.Message);
    }
}
