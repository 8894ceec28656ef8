using Apf.Config.Store;
using Apf.Core.Configuration;

namespace Apf.Config.Api;

public sealed record QueueSummary(string Name, long Version, bool Enabled, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A queue as stored (its own keys) and as the factory will see it (every key with its origin).</summary>
public sealed record QueueView(
    string Name,
    long Version,
    long Revision,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<EffectiveValue> Effective,
    bool Valid,
    IReadOnlyList<ConfigError> Errors,
    IReadOnlyList<ConfigError> Warnings);

/// <summary>One effective key. Origin: "queue" (set by the queue), "defaults" (inherited), "built-in" (Apf's default).</summary>
public sealed record EffectiveValue(string Key, string Value, string Origin);

public sealed record FactoryView(
    long Version,
    long Revision,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyDictionary<string, string> Factory,
    IReadOnlyDictionary<string, string> Defaults);

public sealed record CreateQueueRequest(string Name, Dictionary<string, string> Settings);

/// <summary>Replaces a queue's own keys; <see cref="Version"/> is the version the writer read.</summary>
public sealed record ReplaceQueueRequest(long Version, Dictionary<string, string> Settings);

/// <summary>Sets some keys and removes others, leaving the rest as they are.</summary>
public sealed record PatchQueueRequest(long Version, Dictionary<string, string>? Set, List<string>? Remove);

public sealed record ReplaceFactoryRequest(long Version, Dictionary<string, string> Factory, Dictionary<string, string> Defaults);

/// <summary>The result of a validation without saving.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ConfigError> Errors, IReadOnlyList<ConfigError> Warnings, IReadOnlyList<string> Queues);

/// <summary>The answer to an import: the new revision and how many queues it holds.</summary>
public sealed record ImportResponse(long Revision, int Queues, bool Changed, IReadOnlyList<ConfigError> Warnings);

public sealed record HistoryView(string Target, IReadOnlyList<HistoryEntry> Entries);
