using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Apf.Core.Configuration;
using static Apf.Config.Tests.ApiTestSupport;

namespace Apf.Config.Tests;

public class ImportExportTests
{
    private static MultipartFormDataContent ApfFiles(bool withFactory = true)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(File.ReadAllBytes(ApfConfigs.Queues)), "queues", "queues.conf");
        if (withFactory) form.Add(new ByteArrayContent(File.ReadAllBytes(ApfConfigs.Factory)), "factory", "factory.conf");
        return form;
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static async Task<(string Yaml, long Revision)> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync(Ct), long.Parse(response.Headers.GetValues("X-Apf-Revision").Single()));
    }

    [Fact]
    public async Task Apf_files_import_and_export_as_yaml_that_imports_back_unchanged()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();

        var import = await client.PostAsync("/api/import/apf?revision=0", ApfFiles(), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var imported = await JsonAsync(import);
        Assert.Equal(3, imported.GetProperty("queues").GetInt32());

        var queue = await GetJsonAsync(client, "/api/queues/ANALY_EXAMPLE_SHORT-ce01");
        var values = Effective(queue, out var origins);
        Assert.Equal(("25", "queue"), (values["sched.maxpending.maximum"], origins["sched.maxpending.maximum"]));
        Assert.Equal(("20", "defaults"), (values["sched.maxpercycle.maximum"], origins["sched.maxpercycle.maximum"]));
        Assert.Equal("EXAMPLE-apf01-admin", (await GetJsonAsync(client, "/api/factory")).GetProperty("factory").GetProperty("factoryId").GetString());

        var (yaml, revision) = await ExportAsync(client);
        Assert.Equal(1, revision);
        var fromFiles = IniConfigReader.ReadFiles(ApfConfigs.Queues, ApfConfigs.Factory);
        var exported = YamlConfigReader.Read(yaml, "export.yaml");
        Assert.Equal(fromFiles.Queues.Select(q => q.Name), exported.Queues.Select(q => q.Name));
        Assert.Equal(fromFiles.Defaults["executable.defaultarguments"], exported.Defaults["executable.defaultarguments"]);

        var again = await JsonAsync(await client.PostAsync($"/api/import?revision={revision}", Yaml(yaml), Ct));
        Assert.False(again.GetProperty("changed").GetBoolean());
        Assert.Equal(revision, again.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_yaml_import_records_what_it_changed_per_queue()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/import/apf?revision=0", ApfFiles(), Ct)).StatusCode);
        var (yaml, revision) = await ExportAsync(client);
        var edited = yaml.Replace("\"sched.maxpending.maximum\": \"25\"", "\"sched.maxpending.maximum\": \"30\"", StringComparison.Ordinal);
        if (edited == yaml) edited = yaml.Replace("sched.maxpending.maximum: \"25\"", "sched.maxpending.maximum: \"30\"", StringComparison.Ordinal);
        Assert.NotEqual(yaml, edited);

        var response = await client.PostAsync($"/api/import?revision={revision}", Yaml(edited), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = (await GetJsonAsync(client, "/api/queues/ANALY_EXAMPLE_SHORT-ce01/history")).GetProperty("entries");
        var last = history[history.GetArrayLength() - 1];
        Assert.Equal("imported", last.GetProperty("action").GetString());
        var change = Assert.Single(last.GetProperty("changes").EnumerateArray());
        Assert.Equal("30", change.GetProperty("new").GetString());
        // The other queues did not change and keep their version.
        Assert.Equal(1, (await GetJsonAsync(client, "/api/queues/EXAMPLE_PROD-ce02")).GetProperty("version").GetInt64());
        Assert.Equal(2, (await GetJsonAsync(client, "/api/queues/ANALY_EXAMPLE_SHORT-ce01")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_import_against_a_stale_revision_gets_409()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/import/apf?revision=0", ApfFiles(), Ct)).StatusCode);

        var stale = await client.PostAsync("/api/import/apf?revision=0", ApfFiles(), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, (await JsonAsync(stale)).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_queues_conf_alone_keeps_the_factory_section()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);

        var response = await client.PostAsync("/api/import/apf?revision=1", ApfFiles(withFactory: false), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("test-factory", (await GetJsonAsync(client, "/api/factory")).GetProperty("factory").GetProperty("factoryId").GetString());
    }

    [Fact]
    public async Task A_broken_apf_file_gets_400_naming_the_file_and_line_and_changes_nothing()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        var form = new MultipartFormDataContent
        {
            { new StringContent("[DEFAULT]\nschedplugin = Ready\n[q1]\nno separator here\nx = %(nothing)s\n"), "queues", "queues.conf" },
        };

        var response = await client.PostAsync("/api/import/apf?revision=0", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("source").GetString(), e.GetProperty("line").GetInt32())).ToList();
        Assert.Equal([("queues.conf", 4), ("queues.conf", 5)], errors);
        Assert.Equal(0, (await GetJsonAsync(client, "/api/factory")).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Validate_reports_every_error_of_a_yaml_file_without_saving()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client(key: null);
        const string yaml = """
            factory:
              factoryId: f1
            defaults:
              wmsstatusplugin: Panda
              batchstatusplugin: Condor
              batchsubmitplugin: CondorLocal
            queues:
              good:
                schedplugin: [Ready]
              bad:
                schedplugin: [Ready, MaxPending]
                sched.maxpending.maximum: -1
                apfqueue.sleep: never
            """;

        var result = await JsonAsync(await client.PostAsync("/api/validate", Yaml(yaml), Ct));

        Assert.False(result.GetProperty("valid").GetBoolean());
        var errors = result.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("queue").GetString(), e.GetProperty("key").GetString(), e.GetProperty("line").GetInt32())).ToList();
        Assert.Equal([("bad", "apfqueue.sleep", 13), ("bad", "sched.maxpending.maximum", 12)], errors.Order().ToList());
        Assert.Equal(0, (await GetJsonAsync(client, "/api/factory")).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task An_invalid_yaml_import_gets_400_and_changes_nothing()
    {
        await using var service = new ConfigServiceFactory();
        var client = service.Client();
        await SeedFactoryAsync(client);

        var response = await client.PostAsync("/api/import?revision=1", Yaml("factory:\n  factoryId: f1\nqueues:\n  q1:\n    schedplugin: [Nope]\n"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("test-factory", (await GetJsonAsync(client, "/api/factory")).GetProperty("factory").GetProperty("factoryId").GetString());
    }
}
