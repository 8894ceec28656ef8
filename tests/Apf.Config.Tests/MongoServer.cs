using MongoDB.Bson;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Apf.Config.Tests;

/// <summary>
/// A real MongoDB server for the store tests: the one named by APF_TEST_MONGO (a connection string),
/// else a throw-away container when a Docker engine answers. Without either the tests are skipped,
/// saying why; MongoDB is never imitated.
/// </summary>
public sealed class MongoServer : IAsyncLifetime
{
    public const string Variable = "APF_TEST_MONGO";
    private const string Image = "mongo:7.0";

    private readonly List<string> _databases = [];
    private MongoDbContainer? _container;

    public IMongoClient? Client { get; private set; }
    public string? ConnectionString { get; private set; }
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            Client = new MongoClient(given);
            // A server that was named but does not answer is a failure, not a skip. The connection
            // string is not repeated: it may hold a password.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await Client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: timeout.Token);
            return;
        }
        if (!DockerMayAnswer())
        {
            SkipReason = $"no MongoDB server here: {Variable} is not set and no Docker engine answers (DOCKER_HOST unset, no /var/run/docker.sock). " +
                         $"Run these tests with {Variable}=mongodb://HOST:27017 where a server exists, or where Docker runs (see docs/config-service.md).";
            return;
        }
        try
        {
            _container = new MongoDbBuilder(Image).Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
            Client = new MongoClient(ConnectionString);
        }
        catch (Exception e)
        {
            SkipReason = $"{Variable} is not set and the Docker engine could not start {Image}: {e.Message}";
        }
    }

    /// <summary>A fresh database for one test, dropped at the end.</summary>
    public IMongoDatabase NewDatabase(out string name)
    {
        if (Client is null) Assert.Skip(SkipReason ?? "no MongoDB server");
        name = $"apf_test_{Guid.NewGuid():N}";
        lock (_databases) _databases.Add(name);
        return Client.GetDatabase(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
            foreach (var name in _databases)
                await Client.DropDatabaseAsync(name);
        if (_container is not null) await _container.DisposeAsync();
    }

    private static bool DockerMayAnswer() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
