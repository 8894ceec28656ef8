using Testcontainers.RabbitMq;

namespace Apf.Testing;

/// <summary>
/// A real RabbitMQ broker for tests, found in this order: APF_TEST_RABBITMQ (an amqp URI; management at
/// APF_TEST_RABBITMQ_MANAGEMENT or port 15672 of the same host), a Testcontainers container when a Docker
/// engine answers, a private rabbitmq-server process when the package is installed. When none is
/// available, <see cref="StartAsync"/> returns null and <see cref="UnavailableReason"/> says why (tests
/// skip with it); with CI=true it throws instead, so a CI run never passes by skipping.
/// Use one per test class (IClassFixture) or collection; dispose stops what it started.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    public const string UriVariable = "APF_TEST_RABBITMQ";
    public const string ManagementVariable = "APF_TEST_RABBITMQ_MANAGEMENT";
    public const string Image = "rabbitmq:3.13-management";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private RabbitMqContainer? _container;
    private RabbitMqProcess? _process;

    public RabbitMqEndpoint? Endpoint { get; private set; }
    public RabbitMqSource Source { get; private set; }
    public string? UnavailableReason { get; private set; }

    /// <summary>Stop and restart work for brokers this fixture started (not for a given one).</summary>
    public bool CanRestart => Source is RabbitMqSource.Container or RabbitMqSource.Process;

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Starts (once) and returns the broker, or null when none is available outside CI.</summary>
    public async Task<RabbitMqEndpoint?> StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_started)
            {
                _started = true;
                UnavailableReason = await TryStartAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
        if (Endpoint is null && IsCi)
            throw new InvalidOperationException($"CI=true and no RabbitMQ broker is available: {UnavailableReason}");
        return Endpoint;
    }

    /// <summary>Stops the broker (clients see the connection drop); <see cref="StartBrokerAgainAsync"/> brings it back on the same ports.</summary>
    public async Task StopBrokerAsync(CancellationToken cancellationToken = default)
    {
        switch (Source)
        {
            case RabbitMqSource.Container: await _container!.StopAsync(cancellationToken); break;
            case RabbitMqSource.Process: await _process!.StopAsync(cancellationToken); break;
            default: throw new NotSupportedException($"a broker from {Source} cannot be stopped by the tests");
        }
    }

    public async Task StartBrokerAgainAsync(CancellationToken cancellationToken = default)
    {
        switch (Source)
        {
            case RabbitMqSource.Container: await _container!.StartAsync(cancellationToken); break;
            case RabbitMqSource.Process: await _process!.StartAsync(cancellationToken); break;
            default: throw new NotSupportedException($"a broker from {Source} cannot be restarted by the tests");
        }
    }

    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopBrokerAsync(cancellationToken);
        await StartBrokerAgainAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        if (_process is not null) await _process.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<string?> TryStartAsync(CancellationToken cancellationToken)
    {
        var given = Environment.GetEnvironmentVariable(UriVariable);
        if (!string.IsNullOrWhiteSpace(given)) return await UseGivenAsync(given.Trim());

        var reasons = new List<string>();
        if (DockerMayAnswer())
        {
            try
            {
                await StartContainerAsync(cancellationToken);
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                reasons.Add($"Docker: {e.GetType().Name}: {e.Message}");
            }
        }
        else
        {
            reasons.Add("no Docker engine (no DOCKER_HOST, no /var/run/docker.sock)");
        }

        var (process, missing) = RabbitMqProcess.Create();
        if (process is null)
        {
            reasons.Add(missing!);
            return $"no RabbitMQ broker: set {UriVariable}, or give a Docker engine, or install rabbitmq-server. {string.Join("; ", reasons)}";
        }
        try
        {
            await process.StartAsync(cancellationToken);
            _process = process;
            Endpoint = process.Endpoint;
            Source = RabbitMqSource.Process;
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await process.DisposeAsync();
            reasons.Add($"private rabbitmq-server: {e.Message}");
            return string.Join("; ", reasons);
        }
    }

    private async Task<string?> UseGivenAsync(string given)
    {
        if (!Uri.TryCreate(given, UriKind.Absolute, out var amqp) || amqp.Scheme is not ("amqp" or "amqps"))
            return $"{UriVariable} is not an amqp:// URI";
        var (user, password) = Credentials(amqp);
        var managementText = Environment.GetEnvironmentVariable(ManagementVariable);
        var management = string.IsNullOrWhiteSpace(managementText)
            ? new Uri($"http://{amqp.Host}:15672/")
            : new Uri(managementText.Trim().TrimEnd('/') + "/");
        var port = amqp.IsDefaultPort || amqp.Port < 0 ? (amqp.Scheme == "amqps" ? 5671 : 5672) : amqp.Port;
        if (!await FreePorts.AnswersAsync(amqp.Host, port, TimeSpan.FromSeconds(5)))
            return $"{UriVariable} names {amqp.Host}:{port}, which does not answer";
        Endpoint = new RabbitMqEndpoint(amqp, management, user, password);
        Source = RabbitMqSource.Environment;
        return null;
    }

    private async Task StartContainerAsync(CancellationToken cancellationToken)
    {
        // Fixed host ports: a restarted container must come back where clients reconnect.
        var ports = FreePorts.Take(2);
        var container = new RabbitMqBuilder(Image)
            .WithUsername("apf")
            .WithPassword("apf")
            .WithPortBinding(ports[0], 5672)
            .WithPortBinding(ports[1], 15672)
            .Build();
        try
        {
            await container.StartAsync(cancellationToken);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
        _container = container;
        Endpoint = new RabbitMqEndpoint(
            new Uri($"amqp://apf:apf@{container.Hostname}:{ports[0]}/"),
            new Uri($"http://{container.Hostname}:{ports[1]}/"),
            "apf", "apf");
        Source = RabbitMqSource.Container;
    }

    private static bool DockerMayAnswer() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    private static (string User, string Password) Credentials(Uri amqp)
    {
        if (string.IsNullOrEmpty(amqp.UserInfo)) return ("guest", "guest");
        var parts = amqp.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
