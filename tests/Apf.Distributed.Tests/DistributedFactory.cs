using System.Collections.Concurrent;
using Apf.Contracts;
using Apf.Plugins.Local.DirectoryQueue;
using Apf.Plugins.Local.LocalBatch;
using Apf.Testing;
using MassTransit;

namespace Apf.Distributed.Tests;

/// <summary>
/// One factory spread over service processes: a temp folder (config, directory queue, work folder, logs),
/// the broker, the services started so far, and a test bus that publishes commands and watches results.
/// </summary>
public sealed class DistributedFactory : IAsyncDisposable
{
    private readonly List<ServiceProcess> _services = [];
    private readonly IBusControl _observer;

    public DistributedFactory(RabbitMqEndpoint broker, string factoryId, string queueYaml)
    {
        Broker = broker;
        FactoryId = factoryId;
        Folder = Directory.CreateTempSubdirectory($"apf-dist-{factoryId}-").FullName;
        Prefix = $"apf-{factoryId}";
        Jobs = new DirectoryJobQueue(Path.Combine(Folder, "wms"));
        ConfigFile = Path.Combine(Folder, "factory.yaml");
        File.WriteAllText(ConfigFile, $"""
            factory:
              factoryId: {factoryId}
              workDir: {Path.Combine(Folder, "work")}
              wmsstatus.sleep: 1
              batchstatus.sleep: 1
            defaults:
              wmsstatusplugin: DirectoryQueue
              wmsstatus.directoryqueue.root: {Jobs.Root}
              batchstatusplugin: LocalProcess
              batchsubmitplugin: LocalProcess
              schedplugin: Ready
              apfqueue.sleep: 1
              apfqueue.maxage: 5
              apfqueue.plugintimeout: 2
            queues:
            {queueYaml}
            """ + "\n");
        Pilots = new LocalPilotStore(Path.Combine(Folder, "work"));

        _observer = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.AmqpUri);
            cfg.ReceiveEndpoint($"{Prefix}-test-observer", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<PilotsSubmitted>(c =>
                {
                    if (c.Message.Factory == FactoryId) Results.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
                e.Handler<QueueDecided>(c =>
                {
                    if (c.Message.Factory == FactoryId) Decisions.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
            });
        });
    }

    public RabbitMqEndpoint Broker { get; }
    public string FactoryId { get; }
    public string Folder { get; }
    public string Prefix { get; }
    public string ConfigFile { get; }
    public DirectoryJobQueue Jobs { get; }
    public LocalPilotStore Pilots { get; }
    public ConcurrentQueue<PilotsSubmitted> Results { get; } = new();
    public ConcurrentQueue<QueueDecided> Decisions { get; } = new();
    public IBus Bus => _observer;
    public IReadOnlyList<ServiceProcess> Services => _services;

    /// <summary>Starts the test bus and waits until its endpoint is bound, so no result published afterwards is missed.</summary>
    public async Task StartObserverAsync(CancellationToken cancellationToken)
    {
        await _observer.StartAsync(cancellationToken);
        var health = await _observer.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        Assert.Equal(BusHealthStatus.Healthy, health);
    }

    /// <summary>Starts one service process on this factory's configuration and broker.</summary>
    public async Task<ServiceProcess> StartAsync(string service, string? name = null, CancellationToken cancellationToken = default)
    {
        var environment = new Dictionary<string, string>
        {
            ["Apf__ConfigFile"] = ConfigFile,
            ["Apf__Bus__Transport"] = "RabbitMq",
            ["Apf__Bus__EndpointPrefix"] = Prefix,
            ["Apf__Bus__PrefetchCount"] = "4",
            ["ConnectionStrings__messaging"] = Broker.AmqpUri.ToString(),
        };
        var process = await ServiceProcess.StartAsync(service, name ?? service, environment, Path.Combine(Folder, "service-logs"), cancellationToken);
        _services.Add(process);
        return process;
    }

    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        // Consumers first, so that no published snapshot or command finds its queue missing.
        foreach (var service in (string[])["submitter", "scheduler", "batchstatus", "wmsstatus"])
            await StartAsync(service, cancellationToken: cancellationToken);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> and the service logs' tails.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for {what}\n{LogTails()}");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The Submitters' ledger record of a command (work folder shared by the Submitters of these tests).</summary>
    public PilotsSubmitted? LedgerRecord(Guid commandId)
    {
        var path = Path.Combine(Folder, "work", "submitted", $"{commandId:N}.json");
        return File.Exists(path)
            ? System.Text.Json.JsonSerializer.Deserialize<PilotsSubmitted>(File.ReadAllText(path), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            : null;
    }

    /// <summary>
    /// No command applied twice or in part: every command's pilots, as the batch system labels them, number
    /// exactly what the Submitters' ledger says the command asked for. Returns the pilots.
    /// </summary>
    public IReadOnlyList<Apf.Plugins.Local.LocalBatch.LocalPilot> AssertEveryCommandAppliedOnce(string queue)
    {
        var pilots = Pilots.List(queue);
        Assert.NotEmpty(pilots);
        foreach (var group in pilots.GroupBy(p => p.Label))
        {
            var commandId = Guid.ParseExact(group.Key[(group.Key.LastIndexOf('.') + 1)..], "N");
            var record = LedgerRecord(commandId);
            Assert.True(record is { Error: null }, $"pilots of command {commandId} without a ledger record");
            Assert.Equal(record.Requested, group.Count());
        }
        return pilots;
    }

    public string LogTails()
    {
        var folder = Path.Combine(Folder, "service-logs");
        if (!Directory.Exists(folder)) return "";
        return string.Join("\n", Directory.EnumerateFiles(folder).Select(f =>
        {
            string[] lines;
            try { lines = File.ReadAllLines(f); } catch (IOException) { return ""; }
            return $"--- {Path.GetFileName(f)}\n" + string.Join("\n", lines.TakeLast(15));
        }));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services) await service.DisposeAsync();
        try { await _observer.StopAsync(CancellationToken.None); } catch (Exception) { /* broker may be gone */ }
        StopLeftoverPilots();
        if (Environment.GetEnvironmentVariable("APF_TEST_KEEP") is null)
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void StopLeftoverPilots()
    {
        foreach (var queue in Pilots.Queues())
            foreach (var pilot in Pilots.List(queue))
                if (!pilot.HasEnded && pilot.ProcessGroup is { } group)
                {
                    try { System.Diagnostics.Process.GetProcessById(group).Kill(entireProcessTree: true); } catch (ArgumentException) { } catch (InvalidOperationException) { }
                }
    }
}
