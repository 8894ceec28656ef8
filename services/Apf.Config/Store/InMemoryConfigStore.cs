namespace Apf.Config.Store;

/// <summary>
/// A store in this process's memory: for API tests and a no-server demo. Everything is lost when the
/// process ends; use the MongoDB store for a real factory.
/// </summary>
public sealed class InMemoryConfigStore : IConfigStore
{
    private readonly Lock _lock = new();
    private readonly List<HistoryEntry> _history = [];
    private StoredFactory _current = StoredFactory.Empty;

    public Task<StoredFactory> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_current);
    }

    public Task<bool> TryReplaceAsync(StoredFactory next, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_current.Revision != expectedRevision) return Task.FromResult(false);
            _current = next;
            _history.AddRange(history);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string target, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<HistoryEntry> found = _history
                .Where(h => string.Equals(h.Target, target, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return Task.FromResult(found);
        }
    }
}
