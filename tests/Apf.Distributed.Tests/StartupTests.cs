namespace Apf.Distributed.Tests;

/// <summary>Options are validated when a service starts: a missing setting stops it at once, saying which.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("scheduler")]
    [InlineData("submitter")]
    public async Task A_service_without_a_configuration_file_refuses_to_start_and_names_the_key(string service)
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = Directory.CreateTempSubdirectory("apf-startup-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Apf__Bus__Transport"] = "RabbitMq",
            ["ConnectionStrings__messaging"] = "amqp://guest:guest@127.0.0.1:1/",
        };
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(service, service, environment, logs, ct));
        Assert.Contains("exited", failure.Message);
        await Task.Delay(500, ct); // the log writer flushes the last lines
        Assert.Contains("Apf:ConfigFile", File.ReadAllText(Path.Combine(logs, service + ".log")));
        Directory.Delete(logs, recursive: true);
    }
}
