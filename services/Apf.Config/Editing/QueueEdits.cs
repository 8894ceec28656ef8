using Apf.Config.Store;

namespace Apf.Config.Editing;

/// <summary>The writes on single queues, each checking the version the writer read.</summary>
public static class QueueEdits
{
    public static ConfigEditor.Propose Create(string name, IReadOnlyDictionary<string, string> settings) => (current, stamp) =>
    {
        if (string.Equals(name, HistoryEntry.FactoryTarget, StringComparison.OrdinalIgnoreCase))
            return Proposal.Reject(EditStatus.Invalid, $"'{name}' is reserved for the factory section's history");
        if (current.Find(name) is { } existing)
            return Proposal.Reject(EditStatus.Conflict, $"queue '{existing.Name}' exists already (version {existing.Version})");
        var queue = new StoredQueue(name, 1, Keys.From(settings), stamp.At, stamp.By);
        return Write(current, stamp, null, queue, "created");
    };

    public static ConfigEditor.Propose Replace(string name, long version, IReadOnlyDictionary<string, string> settings) =>
        Change(name, version, "replaced", _ => Keys.From(settings));

    public static ConfigEditor.Propose Patch(string name, long version, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove) =>
        Change(name, version, "patched", old =>
        {
            var next = new Dictionary<string, string>(old, StringComparer.OrdinalIgnoreCase);
            foreach (var key in remove) next.Remove(key);
            foreach (var (key, value) in set) next[key] = value;
            return Keys.From(next);
        });

    public static ConfigEditor.Propose SetEnabled(string name, long version, bool enabled) =>
        Change(name, version, enabled ? "enabled" : "disabled", old =>
        {
            var next = new Dictionary<string, string>(old, StringComparer.OrdinalIgnoreCase) { ["enabled"] = enabled ? "true" : "false" };
            return Keys.From(next);
        });

    public static ConfigEditor.Propose Delete(string name, long version) => (current, stamp) =>
    {
        if (Check(current, name, version) is { } problem) return problem;
        var old = current.Find(name)!;
        return Write(current, stamp, old, null, "deleted");
    };

    private static ConfigEditor.Propose Change(string name, long version, string action, Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> change) =>
        (current, stamp) =>
        {
            if (Check(current, name, version) is { } problem) return problem;
            var old = current.Find(name)!;
            var next = new StoredQueue(old.Name, old.Version + 1, change(old.Settings), stamp.At, stamp.By);
            return Write(current, stamp, old, next, action);
        };

    private static Proposal? Check(StoredFactory current, string name, long version)
    {
        var queue = current.Find(name);
        if (queue is null) return Proposal.Reject(EditStatus.NotFound, $"no queue named '{name}'");
        if (queue.Version != version)
            return Proposal.Reject(EditStatus.Conflict, $"queue '{queue.Name}' is at version {queue.Version}, not {version}: read it again and reapply your change");
        return null;
    }

    private static Proposal Write(StoredFactory current, Stamp stamp, StoredQueue? old, StoredQueue? next, string action)
    {
        var name = (next ?? old)!.Name;
        var changes = SettingChange.Between(old?.Settings ?? Keys.Empty, next?.Settings ?? Keys.Empty);
        // Replacing a queue with what it already holds is not a change: no new version, no history.
        if (old is not null && next is not null && changes.Count == 0)
            return new Proposal { Next = current, Concerned = [name] };
        var queues = current.Queues.Where(q => !string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (next is not null)
        {
            var index = current.Queues.ToList().FindIndex(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));
            queues.Insert(index < 0 ? queues.Count : index, next);
        }
        var entry = new HistoryEntry
        {
            Target = name,
            Action = action,
            Revision = stamp.Revision,
            OldVersion = old?.Version,
            NewVersion = next?.Version,
            At = stamp.At,
            By = stamp.By,
            Changes = changes,
        };
        return new Proposal
        {
            Next = current with { Revision = stamp.Revision, Queues = queues },
            History = [entry],
            // A deleted queue cannot become invalid; the others are untouched.
            Concerned = next is null ? [] : [name],
            Summary = $"queue {name} {action} by {stamp.By}",
        };
    }
}
