using Apf.Core.Configuration;
using Apf.Core.Plugins;

namespace Apf.Scheduling;

/// <summary>
/// Typed option reading shared by the scheduler plugins: keys are built APF style
/// ("sched.&lt;plugin&gt;.&lt;key&gt;") and problems go to the reader, never thrown.
/// </summary>
internal static class Options
{
    public static string Key(string plugin, string key) => PluginCatalog.KeyPrefix(PluginKind.Scheduler, plugin) + key;

    /// <summary>A count that may not be negative (a negative maximum is a typo, not a wish to retire pilots).</summary>
    public static int? OptionalCount(SettingsReader r, string key)
    {
        var value = r.OptionalInt(key);
        if (value is < 0)
        {
            r.Error(key, $"must not be negative, got {value}");
            return null;
        }
        return value;
    }

    public static int Count(SettingsReader r, string key, int @default) => OptionalCount(r, key) ?? @default;

    public static int RequiredCount(SettingsReader r, string key)
    {
        if (r.Settings[key] is null)
        {
            r.Error(key, "is required but not set");
            return 0;
        }
        return OptionalCount(r, key) ?? 0;
    }

    public static double Factor(SettingsReader r, string key, double @default, double max = double.MaxValue)
    {
        var value = r.Double(key, @default);
        if (value < 0 || double.IsInfinity(value) || value > max)
        {
            r.Error(key, max == double.MaxValue ? $"must be a finite number not below 0, got {value}" : $"must be between 0 and {max}, got {value}");
            return @default;
        }
        return value;
    }
}
