namespace Apf.Config.Store;

/// <summary>Where the factory configuration and its history live.</summary>
public interface IConfigStore
{
    /// <summary>The current configuration; <see cref="StoredFactory.Empty"/> (revision 0) before the first write.</summary>
    Task<StoredFactory> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="next"/> only if the stored revision is still <paramref name="expectedRevision"/>,
    /// then records its history. False: someone else wrote first; nothing was changed.
    /// </summary>
    Task<bool> TryReplaceAsync(StoredFactory next, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken);

    /// <summary>The history of one target ("factory" or a queue name), oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string target, CancellationToken cancellationToken);
}
