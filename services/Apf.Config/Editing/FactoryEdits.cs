using Apf.Config.Store;
using Apf.Core.Configuration;

namespace Apf.Config.Editing;

/// <summary>Writes that touch the factory section or the whole configuration.</summary>
public static class FactoryEdits
{
    /// <summary>Replaces the factory keys and the queue defaults (which every queue inherits, so all are checked).</summary>
    public static ConfigEditor.Propose Replace(long version, IReadOnlyDictionary<string, string> factory, IReadOnlyDictionary<string, string> defaults) =>
        (current, stamp) =>
        {
            if (current.FactoryVersion != version)
                return Proposal.Reject(EditStatus.Conflict, $"the factory section is at version {current.FactoryVersion}, not {version}");
            var next = current with { Factory = Keys.From(factory), Defaults = Keys.From(defaults) };
            var entry = FactoryEntry(current, next, stamp, "replaced");
            if (entry is null) return new Proposal { Next = current };
            return new Proposal
            {
                Next = Stamped(next, current, stamp),
                History = [entry],
                Concerned = null,
                Summary = $"factory section replaced by {stamp.By}",
            };
        };

    /// <summary>
    /// Replaces the whole configuration with an imported one (YAML or APF INI), if the writer read
    /// <paramref name="revision"/>. With <paramref name="keepFactory"/> the factory keys stay as they
    /// are (a queues.conf imported without its factory.conf).
    /// </summary>
    public static ConfigEditor.Propose Import(long revision, RawFactoryConfig imported, bool keepFactory, string what) =>
        (current, stamp) =>
        {
            if (current.Revision != revision)
                return Proposal.Reject(EditStatus.Conflict, $"the configuration is at revision {current.Revision}, not {revision}: export it again and reapply your change");
            if (imported.Queues.FirstOrDefault(q => string.Equals(q.Name, HistoryEntry.FactoryTarget, StringComparison.OrdinalIgnoreCase)) is { } reserved)
                return Proposal.Reject(EditStatus.Invalid, $"queue name '{reserved.Name}' is reserved for the factory section's history");
            if (keepFactory) imported = imported with { Factory = ConfigValidator.ToSettings(current.Factory, "factory") };

            var next = current with
            {
                Factory = ConfigValidator.ToKeys(imported.Factory),
                Defaults = ConfigValidator.ToKeys(imported.Defaults),
            };
            var history = new List<HistoryEntry>();
            if (FactoryEntry(current, next, stamp, "imported") is { } factoryEntry)
            {
                history.Add(factoryEntry);
                next = Stamped(next, current, stamp);
            }
            var queues = new List<StoredQueue>();
            foreach (var raw in imported.Queues)
            {
                var settings = ConfigValidator.ToKeys(raw.Own);
                var old = current.Find(raw.Name);
                var changes = SettingChange.Between(old?.Settings ?? Keys.Empty, settings);
                if (old is not null && changes.Count == 0)
                {
                    queues.Add(old);
                    continue;
                }
                var queue = new StoredQueue(raw.Name, (old?.Version ?? 0) + 1, settings, stamp.At, stamp.By);
                queues.Add(queue);
                history.Add(QueueEntry(raw.Name, old is null ? "created" : "imported", old?.Version, queue.Version, changes, stamp));
            }
            foreach (var gone in current.Queues.Where(q => imported.Queues.All(r => !string.Equals(r.Name, q.Name, StringComparison.OrdinalIgnoreCase))))
                history.Add(QueueEntry(gone.Name, "deleted", gone.Version, null, SettingChange.Between(gone.Settings, Keys.Empty), stamp));

            return new Proposal
            {
                Next = next with { Revision = stamp.Revision, Queues = queues },
                History = history,
                Concerned = null,
                Imported = imported,
                Summary = $"{what} imported by {stamp.By}: {history.Count} change(s)",
            };
        };

    private static StoredFactory Stamped(StoredFactory next, StoredFactory current, Stamp stamp) =>
        next with { Revision = stamp.Revision, FactoryVersion = current.FactoryVersion + 1, UpdatedAt = stamp.At, UpdatedBy = stamp.By };

    private static HistoryEntry? FactoryEntry(StoredFactory current, StoredFactory next, Stamp stamp, string action)
    {
        var changes = SettingChange.Between(current.Factory, next.Factory, "factory.")
            .Concat(SettingChange.Between(current.Defaults, next.Defaults, "defaults."))
            .ToList();
        if (changes.Count == 0) return null;
        return new HistoryEntry
        {
            Target = HistoryEntry.FactoryTarget,
            Action = action,
            Revision = stamp.Revision,
            OldVersion = current.FactoryVersion,
            NewVersion = current.FactoryVersion + 1,
            At = stamp.At,
            By = stamp.By,
            Changes = changes,
        };
    }

    private static HistoryEntry QueueEntry(string name, string action, long? oldVersion, long? newVersion, IReadOnlyList<SettingChange> changes, Stamp stamp) => new()
    {
        Target = name,
        Action = action,
        Revision = stamp.Revision,
        OldVersion = oldVersion,
        NewVersion = newVersion,
        At = stamp.At,
        By = stamp.By,
        Changes = changes,
    };
}
