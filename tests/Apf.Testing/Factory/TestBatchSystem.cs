using System.Collections.Concurrent;
using Apf.Contracts;
using Apf.Core.Plugins;

namespace Apf.Testing.Factory;

/// <summary>
/// An in-memory batch system for runtime tests: it records every pilot submitted with its label, so
/// tests can count exactly what the factory asked for. Pilots stay pending until the test starts them.
/// </summary>
public sealed class TestBatchSystem : IBatchStatusPlugin, IBatchSubmitPlugin
{
    private readonly ConcurrentDictionary<string, (PilotLabel Label, string State)> _pilots = new();
    private int _next;

    public int SubmitCalls;

    public IReadOnlyList<(PilotLabel Label, string State)> Pilots => _pilots.Values.ToList();

    public int Count(string queue) => _pilots.Values.Count(p => p.Label.Queue == queue);

    public Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, BatchQueueFigures> result = queues.ToDictionary(q => q.Queue, q => new BatchQueueFigures
        {
            Pending = _pilots.Values.Count(p => p.Label.Queue == q.Queue && p.State == "pending"),
            Running = _pilots.Values.Count(p => p.Label.Queue == q.Queue && p.State == "running"),
            Done = _pilots.Values.Count(p => p.Label.Queue == q.Queue && p.State == "done"),
        });
        return Task.FromResult(result);
    }

    public Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref SubmitCalls);
        var ids = new List<string>();
        for (var i = 0; i < request.Count; i++)
        {
            var id = $"test.{Interlocked.Increment(ref _next)}";
            _pilots[id] = (request.Label, "pending");
            ids.Add(id);
        }
        return Task.FromResult(new SubmitOutcome(ids));
    }

    public Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_pilots.Where(p => p.Value.Label == label).Select(p => p.Key).ToList());

    public Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken)
    {
        var retired = _pilots.Where(p => p.Value.Label.Queue == queue && p.Value.State == "pending").Take(count).Select(p => p.Key).ToList();
        foreach (var id in retired) _pilots.TryRemove(id, out _);
        return Task.FromResult<IReadOnlyList<string>>(retired);
    }

    public void SetAll(string queue, string state)
    {
        foreach (var (id, p) in _pilots.Where(p => p.Value.Label.Queue == queue).ToList()) _pilots[id] = (p.Label, state);
    }
}
