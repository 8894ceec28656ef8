namespace Apf.Config.Store;

/// <summary>One accepted change of the factory section or of one queue: who, when, what.</summary>
public sealed record HistoryEntry
{
    /// <summary>"factory" for factory keys and defaults, otherwise the queue's name.</summary>
    public required string Target { get; init; }
    /// <summary>created, replaced, patched, deleted, enabled, disabled, imported.</summary>
    public required string Action { get; init; }
    public required long Revision { get; init; }
    public long? OldVersion { get; init; }
    public long? NewVersion { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>The name of the API key holder who made the change (never the key).</summary>
    public required string By { get; init; }
    public IReadOnlyList<SettingChange> Changes { get; init; } = [];

    public const string FactoryTarget = "factory";
}

/// <summary>One key's old and new value; null means absent.</summary>
public sealed record SettingChange(string Key, string? Old, string? New)
{
    public static IReadOnlyList<SettingChange> Between(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string prefix = "") =>
        before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(k => new SettingChange(prefix + k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New)
            .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
