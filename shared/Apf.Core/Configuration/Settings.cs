using System.Collections.Frozen;

namespace Apf.Core.Configuration;

/// <summary>
/// A flat, case-insensitive set of APF-style keys ("sched.maxpending.maximum") with their origins.
/// Nested YAML maps and APF INI files both reduce to this form, which makes APF's [DEFAULT]
/// inheritance a simple merge.
/// </summary>
public sealed class Settings
{
    public static readonly Settings Empty = new(new Dictionary<string, SettingValue>());

    private readonly FrozenDictionary<string, SettingValue> _values;

    public Settings(IEnumerable<KeyValuePair<string, SettingValue>> values)
    {
        _values = values.ToFrozenDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, SettingValue> Values => _values;

    public string? this[string key] => _values.TryGetValue(key, out var v) ? v.Value : null;

    public bool Contains(string key) => _values.ContainsKey(key);

    public SettingValue? Find(string key) => _values.GetValueOrDefault(key);

    /// <summary>Values of <paramref name="overrides"/> win; the rest come from this set (APF DEFAULT semantics).</summary>
    public Settings OverriddenBy(Settings overrides)
    {
        var merged = new Dictionary<string, SettingValue>(_values, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides._values) merged[key] = value;
        return new Settings(merged);
    }

    /// <summary>The keys under a prefix ("sched.maxpending."), with the prefix removed.</summary>
    public IEnumerable<KeyValuePair<string, string>> Under(string prefix) =>
        _values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
               .Select(kv => new KeyValuePair<string, string>(kv.Key[prefix.Length..], kv.Value.Value));
}
