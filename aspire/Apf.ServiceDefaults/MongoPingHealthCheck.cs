using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Apf.ServiceDefaults;

/// <summary>
/// Readiness of the configuration store: one <c>ping</c> command against the database of the connection string.
/// Its own client with a short server-selection timeout, so an absent server fails the probe quickly
/// instead of holding it for the driver's default 30 s.
/// </summary>
internal sealed class MongoPingHealthCheck : IHealthCheck, IDisposable
{
    private readonly MongoClient _client;
    private readonly string _database;

    public MongoPingHealthCheck(string connectionString, TimeSpan timeout)
    {
        var url = MongoUrl.Create(connectionString);
        var settings = MongoClientSettings.FromUrl(url);
        settings.ServerSelectionTimeout = timeout;
        settings.ConnectTimeout = timeout;
        _client = new MongoClient(settings);
        _database = url.DatabaseName ?? "admin";
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.GetDatabase(_database)
                .RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            // The description names no host or credential: health output may be read by anyone who can reach the port.
            return new HealthCheckResult(context.Registration.FailureStatus, "MongoDB did not answer a ping.", ex);
        }
    }

    public void Dispose() => _client.Dispose();
}
