namespace Apf.Config.Store;

/// <summary>
/// The whole factory configuration as stored: factory keys and queue defaults (one versioned
/// document) and every queue (each with its own version). <see cref="Revision"/> counts accepted
/// changes of any part; the store replaces the whole only if the revision it read is still current,
/// so two writers can never both win.
/// </summary>
public sealed record StoredFactory
{
    public static readonly StoredFactory Empty = new();

    public long Revision { get; init; }
    public long FactoryVersion { get; init; }
    public IReadOnlyDictionary<string, string> Factory { get; init; } = Keys.Empty;
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = Keys.Empty;
    public IReadOnlyList<StoredQueue> Queues { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    public StoredQueue? Find(string name) =>
        Queues.FirstOrDefault(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One queue's own keys (before defaults) and its version.</summary>
public sealed record StoredQueue(string Name, long Version, IReadOnlyDictionary<string, string> Settings, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Case-insensitive key maps, as APF keys are.</summary>
public static class Keys
{
    public static readonly IReadOnlyDictionary<string, string> Empty = From([]);

    public static IReadOnlyDictionary<string, string> From(IEnumerable<KeyValuePair<string, string>> values)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values) map[key.Trim()] = value;
        return map;
    }
}
