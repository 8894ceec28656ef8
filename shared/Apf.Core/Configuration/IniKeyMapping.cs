using System.Globalization;

namespace Apf.Core.Configuration;

/// <summary>
/// The APF keys whose name or place differs in Apf. Everything else passes through unchanged.
/// </summary>
public static class IniKeyMapping
{
    /// <summary>
    /// APF sets a refresh interval per status plugin ("wmsstatus.panda.sleep"); Apf has one per kind
    /// ("wmsstatus.sleep"). The shortest one is kept, so no source is read less often than before.
    /// </summary>
    public static void MapFactory(Dictionary<string, SettingValue> values)
    {
        foreach (var kind in (string[])["wmsstatus", "batchstatus"])
        {
            var target = kind + ".sleep";
            if (values.ContainsKey(target)) continue;
            var candidates = values
                .Where(kv => kv.Key.StartsWith(kind + ".", StringComparison.OrdinalIgnoreCase)
                             && kv.Key.EndsWith(".sleep", StringComparison.OrdinalIgnoreCase)
                             && kv.Key.Count(c => c == '.') == 2)
                .Select(kv => (kv.Value, Seconds: DurationParser.TryParse(kv.Value.Value, out var s) ? s : TimeSpan.MaxValue))
                .OrderBy(c => c.Seconds)
                .ToList();
            if (candidates.Count > 0)
            {
                var chosen = candidates[0].Value;
                values[target] = chosen with { Origin = $"{chosen.Origin} (shortest of the {kind}.<plugin>.sleep keys)" };
            }
        }
    }

    /// <summary>APF 2 called the log retention "cleanlogs.maxdays"; APF 3 and Apf say "cleanlogs.keepdays".</summary>
    public static void MapQueue(Dictionary<string, SettingValue> values)
    {
        if (values.Remove("cleanlogs.maxdays", out var old) && !values.ContainsKey("cleanlogs.keepdays"))
            values["cleanlogs.keepdays"] = old with { Origin = $"{old.Origin} (as cleanlogs.maxdays)" };
    }

    /// <summary>APF's [Factory] cleanlogs.keepdays applies to every queue that does not set its own.</summary>
    public static void InheritFromFactory(Dictionary<string, SettingValue> defaults, Settings factory)
    {
        if (!defaults.ContainsKey("cleanlogs.keepdays") && factory.Find("cleanlogs.keepdays") is { } keep
            && int.TryParse(keep.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            defaults["cleanlogs.keepdays"] = keep;
    }
}
