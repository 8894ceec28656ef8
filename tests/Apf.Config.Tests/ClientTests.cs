using System.Net;
using Apf.Config.Client;
using static Apf.Config.Tests.ApiTestSupport;

namespace Apf.Config.Tests;

public class ClientTests
{
    [Fact]
    public async Task Push_and_pull_move_the_whole_configuration()
    {
        await using var service = new ConfigServiceFactory();
        var client = new ConfigServiceClient(service.CreateClient(), ConfigServiceFactory.AliceKey);

        var pushed = await client.PushApfAsync(await File.ReadAllTextAsync(ApfConfigs.Queues, Ct), await File.ReadAllTextAsync(ApfConfigs.Factory, Ct), cancellationToken: Ct);
        var pulled = await client.PullAsync(Ct);
        var queues = await client.ListQueuesAsync(Ct);

        Assert.Equal((1, 3, true), (pushed.Revision, pushed.Queues, pushed.Changed));
        Assert.Equal(1, pulled.Revision);
        Assert.Contains("EXAMPLE_PROD-ce02:", pulled.Yaml);
        Assert.Equal(["ANALY_EXAMPLE_SHORT-ce01", "EXAMPLE_PROD-ce02", "EXAMPLE_TEST-ce03"], queues.Select(q => q.Name));
        Assert.False(queues.Single(q => q.Name == "EXAMPLE_TEST-ce03").Enabled);

        var edited = pulled.Yaml.Replace("sched.minpercycle.minimum: \"2\"", "sched.minpercycle.minimum: \"3\"", StringComparison.Ordinal);
        var second = await client.PushAsync(edited, pulled.Revision, cancellationToken: Ct);
        Assert.Equal((2, true), (second.Revision, second.Changed));
    }

    [Fact]
    public async Task A_refused_push_raises_an_error_carrying_the_status_and_every_error()
    {
        await using var service = new ConfigServiceFactory();
        var client = new ConfigServiceClient(service.CreateClient(), ConfigServiceFactory.AliceKey);
        await client.PushApfAsync(await File.ReadAllTextAsync(ApfConfigs.Queues, Ct), await File.ReadAllTextAsync(ApfConfigs.Factory, Ct), cancellationToken: Ct);
        var pulled = await client.PullAsync(Ct);

        var stale = await Assert.ThrowsAsync<ConfigServiceException>(() => client.PushAsync(pulled.Yaml, expectedRevision: 0, cancellationToken: Ct));
        var invalid = await Assert.ThrowsAsync<ConfigServiceException>(() =>
            client.PushAsync(pulled.Yaml.Replace("sched.maxpending.maximum: \"25\"", "sched.maxpending.maximum: \"many\"", StringComparison.Ordinal), cancellationToken: Ct));
        var noKey = await Assert.ThrowsAsync<ConfigServiceException>(() =>
            new ConfigServiceClient(service.CreateClient()).PushAsync(pulled.Yaml, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        var error = Assert.Single(invalid.Errors);
        Assert.Equal(("ANALY_EXAMPLE_SHORT-ce01", "sched.maxpending.maximum"), (error.Queue, error.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.Status);
    }

    [Fact]
    public async Task Validate_answers_without_a_key()
    {
        await using var service = new ConfigServiceFactory();
        var client = new ConfigServiceClient(service.CreateClient());

        var result = await client.ValidateAsync("factory:\n  factoryId: 'has spaces'\n", Ct);

        Assert.False(result.Valid);
        Assert.Equal("factoryId", Assert.Single(result.Errors).Key);
    }
}
