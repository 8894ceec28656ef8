using System.Text.Json;
using System.Text.Json.Serialization;
using Apf.Contracts;
using BenchmarkDotNet.Attributes;

namespace Apf.Benchmarks;

/// <summary>
/// One status snapshot for 1,000 queues through System.Text.Json, as the status services publish it
/// every poll: reflection-based (what a message bus does by default) and source-generated.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class StatusJsonBenchmarks
{
    private const int Queues = 1000;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private BatchStatusObserved _batch = null!;
    private WmsStatusObserved _wms = null!;
    private byte[] _batchJson = null!;
    private byte[] _wmsJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var names = Enumerable.Range(0, Queues).Select(i => $"ANALY_SITE{i:D4}").ToArray();
        var random = new Random(42);
        _batch = new BatchStatusObserved
        {
            SnapshotId = Guid.NewGuid(),
            Source = "Slurm:debug",
            ObservedAt = now,
            Queues = names.ToDictionary(n => n, n => new BatchQueueFigures
            {
                Pending = random.Next(0, 60), Running = random.Next(0, 500), Done = 1200, Failed = 7, RecentlyEnded = 40, RecentlyEndedShort = 2,
            }),
            QueuesAsked = names,
        };
        _wms = new WmsStatusObserved
        {
            SnapshotId = Guid.NewGuid(),
            Source = "Panda:https://pandaserver.example/server/panda",
            ObservedAt = now,
            Queues = names.ToDictionary(n => n, n => new WmsQueueFigures
            {
                Ready = random.Next(0, 5000), NotReady = 300, Running = 800, Done = 15000, Failed = 120, Site = SiteState.Online,
            }),
        };
        _batchJson = JsonSerializer.SerializeToUtf8Bytes(_batch, Web);
        _wmsJson = JsonSerializer.SerializeToUtf8Bytes(_wms, Web);
        // A benchmark of a round trip that loses data would measure nothing useful.
        if (DeserializeBatch()?.Queues.Count != Queues || DeserializeWmsGenerated()?.Queues.Count != Queues)
            throw new InvalidOperationException("status snapshots do not survive a JSON round trip");
    }

    [Benchmark(Description = "BatchStatusObserved 1,000 queues: serialize")]
    public byte[] SerializeBatch() => JsonSerializer.SerializeToUtf8Bytes(_batch, Web);

    [Benchmark(Description = "BatchStatusObserved 1,000 queues: deserialize")]
    public BatchStatusObserved? DeserializeBatch() => JsonSerializer.Deserialize<BatchStatusObserved>(_batchJson, Web);

    [Benchmark(Description = "WmsStatusObserved 1,000 queues: serialize")]
    public byte[] SerializeWms() => JsonSerializer.SerializeToUtf8Bytes(_wms, Web);

    [Benchmark(Description = "WmsStatusObserved 1,000 queues: deserialize")]
    public WmsStatusObserved? DeserializeWms() => JsonSerializer.Deserialize<WmsStatusObserved>(_wmsJson, Web);

    [Benchmark(Description = "BatchStatusObserved 1,000 queues: serialize, source-generated")]
    public byte[] SerializeBatchGenerated() => JsonSerializer.SerializeToUtf8Bytes(_batch, StatusJsonContext.Default.BatchStatusObserved);

    [Benchmark(Description = "BatchStatusObserved 1,000 queues: deserialize, source-generated")]
    public BatchStatusObserved? DeserializeBatchGenerated() => JsonSerializer.Deserialize(_batchJson, StatusJsonContext.Default.BatchStatusObserved);

    [Benchmark(Description = "WmsStatusObserved 1,000 queues: serialize, source-generated")]
    public byte[] SerializeWmsGenerated() => JsonSerializer.SerializeToUtf8Bytes(_wms, StatusJsonContext.Default.WmsStatusObserved);

    [Benchmark(Description = "WmsStatusObserved 1,000 queues: deserialize, source-generated")]
    public WmsStatusObserved? DeserializeWmsGenerated() => JsonSerializer.Deserialize(_wmsJson, StatusJsonContext.Default.WmsStatusObserved);

    /// <summary>Payload sizes in bytes, for the documentation (<c>-- --sizes</c>).</summary>
    public (int Batch, int Wms) Sizes() => (_batchJson.Length, _wmsJson.Length);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BatchStatusObserved))]
[JsonSerializable(typeof(WmsStatusObserved))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
