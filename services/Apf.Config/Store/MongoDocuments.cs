using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Apf.Config.Store;

// Settings are stored as lists of {key, value}, not as sub-documents: APF keys hold dots, which
// MongoDB field names should not.

[BsonIgnoreExtraElements]
internal sealed class FactoryDocument
{
    public const string SingleId = "factory";

    [BsonId] public string Id { get; set; } = SingleId;
    public long Revision { get; set; }
    public long FactoryVersion { get; set; }
    public List<KeyValueDocument> Factory { get; set; } = [];
    public List<KeyValueDocument> Defaults { get; set; } = [];
    public List<QueueDocument> Queues { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public static FactoryDocument From(StoredFactory f) => new()
    {
        Revision = f.Revision,
        FactoryVersion = f.FactoryVersion,
        Factory = KeyValueDocument.From(f.Factory),
        Defaults = KeyValueDocument.From(f.Defaults),
        Queues = f.Queues.Select(q => new QueueDocument
        {
            Name = q.Name,
            Version = q.Version,
            Settings = KeyValueDocument.From(q.Settings),
            UpdatedAt = q.UpdatedAt.UtcDateTime,
            UpdatedBy = q.UpdatedBy,
        }).ToList(),
        UpdatedAt = f.UpdatedAt.UtcDateTime,
        UpdatedBy = f.UpdatedBy,
    };

    public StoredFactory ToStored() => new()
    {
        Revision = Revision,
        FactoryVersion = FactoryVersion,
        Factory = KeyValueDocument.To(Factory),
        Defaults = KeyValueDocument.To(Defaults),
        Queues = Queues.Select(q => new StoredQueue(q.Name, q.Version, KeyValueDocument.To(q.Settings), Utc(q.UpdatedAt), q.UpdatedBy)).ToList(),
        UpdatedAt = Utc(UpdatedAt),
        UpdatedBy = UpdatedBy,
    };

    internal static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

[BsonIgnoreExtraElements]
internal sealed class QueueDocument
{
    public string Name { get; set; } = "";
    public long Version { get; set; }
    public List<KeyValueDocument> Settings { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class KeyValueDocument
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";

    public static List<KeyValueDocument> From(IReadOnlyDictionary<string, string> values) =>
        values.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
              .Select(kv => new KeyValueDocument { Key = kv.Key, Value = kv.Value }).ToList();

    public static IReadOnlyDictionary<string, string> To(List<KeyValueDocument> values) =>
        Keys.From(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
}

[BsonIgnoreExtraElements]
internal sealed class HistoryDocument
{
    public ObjectId Id { get; set; }
    public string Target { get; set; } = "";
    /// <summary>Lower-case target, the indexed lookup key (queue names are case-insensitive).</summary>
    public string TargetKey { get; set; } = "";
    public string Action { get; set; } = "";
    public long Revision { get; set; }
    public long? OldVersion { get; set; }
    public long? NewVersion { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public List<ChangeDocument> Changes { get; set; } = [];

    public static HistoryDocument From(HistoryEntry h) => new()
    {
        Target = h.Target,
        TargetKey = h.Target.ToLowerInvariant(),
        Action = h.Action,
        Revision = h.Revision,
        OldVersion = h.OldVersion,
        NewVersion = h.NewVersion,
        At = h.At.UtcDateTime,
        By = h.By,
        Changes = h.Changes.Select(c => new ChangeDocument { Key = c.Key, Old = c.Old, New = c.New }).ToList(),
    };

    public HistoryEntry ToEntry() => new()
    {
        Target = Target,
        Action = Action,
        Revision = Revision,
        OldVersion = OldVersion,
        NewVersion = NewVersion,
        At = FactoryDocument.Utc(At),
        By = By,
        Changes = Changes.Select(c => new SettingChange(c.Key, c.Old, c.New)).ToList(),
    };
}

/// <summary>A plain class, not the SettingChange record: the driver maps settable properties most simply.</summary>
internal sealed class ChangeDocument
{
    public string Key { get; set; } = "";
    public string? Old { get; set; }
    public string? New { get; set; }
}
