using MongoDB.Driver;

namespace Apf.Config.Store;

/// <summary>
/// The configuration in MongoDB: one document holds the factory section and all queues, so a change
/// is one atomic ReplaceOne whose filter carries the revision read (no transaction, no replica set
/// needed); history entries go to their own collection.
/// </summary>
public sealed class MongoConfigStore : IConfigStore
{
    private readonly IMongoCollection<FactoryDocument> _factory;
    private readonly IMongoCollection<HistoryDocument> _history;
    private readonly Lazy<Task> _indexes;

    public MongoConfigStore(IMongoDatabase database)
    {
        _factory = database.GetCollection<FactoryDocument>("factory");
        _history = database.GetCollection<HistoryDocument>("history");
        _indexes = new Lazy<Task>(() => _history.Indexes.CreateOneAsync(new CreateIndexModel<HistoryDocument>(
            Builders<HistoryDocument>.IndexKeys.Ascending(h => h.TargetKey).Ascending(h => h.Revision))));
    }

    public async Task<StoredFactory> LoadAsync(CancellationToken cancellationToken)
    {
        var document = await _factory.Find(d => d.Id == FactoryDocument.SingleId).FirstOrDefaultAsync(cancellationToken);
        return document?.ToStored() ?? StoredFactory.Empty;
    }

    public async Task<bool> TryReplaceAsync(StoredFactory next, long expectedRevision, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        var document = FactoryDocument.From(next);
        if (expectedRevision == 0)
        {
            try
            {
                await _factory.InsertOneAsync(document, cancellationToken: cancellationToken);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                return false;
            }
        }
        else
        {
            var result = await _factory.ReplaceOneAsync(AtRevision(expectedRevision), document, cancellationToken: cancellationToken);
            if (result.MatchedCount == 0) return false;
        }
        if (history.Count > 0)
        {
            await _indexes.Value;
            await _history.InsertManyAsync(history.Select(HistoryDocument.From), cancellationToken: cancellationToken);
        }
        return true;
    }

    /// <summary>The configuration document, only while it is still at the revision the writer read.</summary>
    internal static FilterDefinition<FactoryDocument> AtRevision(long revision) =>
        Builders<FactoryDocument>.Filter.Where(d => d.Id == FactoryDocument.SingleId && d.Revision == revision);

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string target, CancellationToken cancellationToken)
    {
        var key = target.ToLowerInvariant();
        var documents = await _history.Find(h => h.TargetKey == key).SortBy(h => h.Revision).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToEntry()).ToList();
    }
}
