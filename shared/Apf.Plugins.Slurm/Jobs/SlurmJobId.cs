using System.Globalization;

namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// Slurm job ids and array task expressions. A pending array whose tasks are not yet split shows as
/// one record with a task expression ("11_[5-9%2]", array_task_string "5-9%2"); each of those tasks
/// is a pending pilot, so the expression is expanded into one id per task.
/// </summary>
public static class SlurmJobId
{
    /// <summary>Task indices of an expression: "5", "5-9", "1,3,7-9", "0-99%4" (throttle), "2-10:2" (step), "[5-9]".</summary>
    public static IEnumerable<long> ExpandTasks(string expression)
    {
        var text = expression.Trim().TrimStart('[').TrimEnd(']');
        var throttle = text.IndexOf('%');
        if (throttle >= 0) text = text[..throttle];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var step = 1L;
            var range = part;
            var colon = part.IndexOf(':');
            if (colon >= 0)
            {
                step = Math.Max(1, ParseLong(part[(colon + 1)..]));
                range = part[..colon];
            }
            var dash = range.IndexOf('-');
            if (dash < 0)
            {
                yield return ParseLong(range);
                continue;
            }
            var (from, to) = (ParseLong(range[..dash]), ParseLong(range[(dash + 1)..]));
            for (var i = from; i <= to; i += step) yield return i;
        }
    }

    /// <summary>"11_[5-9]" → 11_5 … 11_9; "8" → 8; "11_5" → 11_5.</summary>
    public static IEnumerable<string> Expand(string id)
    {
        var underscore = id.IndexOf('_');
        if (underscore < 0 || !id.Contains('[', StringComparison.Ordinal))
            return [id];
        var job = id[..underscore];
        return ExpandTasks(id[(underscore + 1)..]).Select(task => $"{job}_{task.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>"11_5" → (11, 5); "8" → (8, -1); anything else → (0, -1).</summary>
    public static (long Job, long Task) Split(string id)
    {
        var underscore = id.IndexOf('_');
        if (underscore < 0) return (TryLong(id) ?? 0, -1);
        return (TryLong(id[..underscore]) ?? 0, TryLong(id[(underscore + 1)..]) ?? -1);
    }

    private static long ParseLong(string text) =>
        TryLong(text) ?? throw new FormatException($"'{text}' is not a Slurm job or task number");

    private static long? TryLong(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
