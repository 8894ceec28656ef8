using Apf.Config.Store;
using Apf.Core.Configuration;

namespace Apf.Config.Editing;

public enum EditStatus
{
    Ok,
    NotFound,
    /// <summary>The version the writer read is no longer current, or the thing exists already.</summary>
    Conflict,
    Invalid,
}

/// <summary>What a write wants to do to the current configuration, or why it cannot.</summary>
public sealed record Proposal
{
    public EditStatus Status { get; init; } = EditStatus.Ok;
    public string? Problem { get; init; }
    public StoredFactory? Next { get; init; }
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];
    /// <summary>Queues whose validity this change can affect; null: all of them.</summary>
    public IReadOnlyCollection<string>? Concerned { get; init; }
    /// <summary>The text as imported, validated instead of the stored form so errors name its file and line.</summary>
    public RawFactoryConfig? Imported { get; init; }
    public string Summary { get; init; } = "";

    public static Proposal Reject(EditStatus status, string problem) => new() { Status = status, Problem = problem };
}

/// <summary>The answer to a write.</summary>
public sealed record EditResult(
    EditStatus Status,
    StoredFactory State,
    string? Problem = null,
    IReadOnlyList<ConfigError>? Errors = null,
    IReadOnlyList<ConfigError>? Warnings = null,
    bool Saved = false);
