using Apf.Config.Store;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Apf.Config.Tests;

/// <summary>
/// The document classes through the driver's own BSON serializer (no server involved): what the
/// MongoDB store writes must read back the same, and the update filter must carry the revision.
/// The store against a real server is tested in <see cref="MongoConfigStoreTests"/>.
/// </summary>
public class MongoDocumentMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_configuration_document_reads_back_the_same_through_bson()
    {
        var stored = StoredFactory.Empty with
        {
            Revision = 7,
            FactoryVersion = 2,
            Factory = Keys.From([new("factoryId", "f1")]),
            Defaults = Keys.From([new("sched.maxpending.maximum", "25")]),
            Queues = [new StoredQueue("q1", 3, Keys.From([new("batchsubmit.slurm.partition", "debug")]), At, "alice")],
            UpdatedAt = At,
            UpdatedBy = "bob",
        };

        var bson = FactoryDocument.From(stored).ToBsonDocument();
        var back = BsonSerializer.Deserialize<FactoryDocument>(bson).ToStored();

        Assert.Equal("factory", bson["_id"].AsString);
        // Dotted APF keys are values, never field names.
        Assert.Equal("sched.maxpending.maximum", bson["Defaults"][0]["Key"].AsString);
        Assert.Equal((7, 2, "bob", At), (back.Revision, back.FactoryVersion, back.UpdatedBy, back.UpdatedAt));
        Assert.Equal("25", back.Defaults["sched.maxpending.maximum"]);
        var queue = Assert.Single(back.Queues);
        Assert.Equal(("q1", 3, "debug", At, "alice"), (queue.Name, queue.Version, queue.Settings["batchsubmit.slurm.partition"], queue.UpdatedAt, queue.UpdatedBy));
    }

    [Fact]
    public void A_history_entry_reads_back_the_same_through_bson()
    {
        var entry = new HistoryEntry
        {
            Target = "Q1",
            Action = "deleted",
            Revision = 4,
            OldVersion = 3,
            NewVersion = null,
            At = At,
            By = "alice",
            Changes = [new SettingChange("sched.maxpending.maximum", "25", null)],
        };

        var bson = HistoryDocument.From(entry).ToBsonDocument();
        var back = BsonSerializer.Deserialize<HistoryDocument>(bson).ToEntry();

        Assert.Equal("q1", bson["TargetKey"].AsString);
        Assert.Equal(entry with { Changes = [] }, back with { Changes = [] });
        Assert.Equal(entry.Changes, back.Changes);
    }

    [Fact]
    public void The_replace_filter_names_the_document_and_the_revision_read()
    {
        var filter = MongoConfigStore.AtRevision(41);

        var rendered = filter.Render(new RenderArgs<FactoryDocument>(BsonSerializer.LookupSerializer<FactoryDocument>(), BsonSerializer.SerializerRegistry));

        Assert.Equal(BsonDocument.Parse("{ _id: 'factory', Revision: NumberLong(41) }"), rendered);
    }
}
