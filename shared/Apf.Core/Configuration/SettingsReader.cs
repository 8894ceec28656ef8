using System.Globalization;

namespace Apf.Core.Configuration;

/// <summary>
/// Reads typed values out of <see cref="Settings"/> and records every problem with the queue and key
/// at fault instead of throwing at the first one, so an operator sees all mistakes at once.
/// </summary>
public sealed class SettingsReader(Settings settings, string? queue, ICollection<ConfigError> errors, string fallbackSource = "configuration", int? fallbackLine = null)
{
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public Settings Settings => settings;

    /// <summary>Keys some reader asked for; the others are reported as unknown.</summary>
    public IReadOnlySet<string> KeysRead => _read;
    public string? Queue => queue;
    public bool HasErrors => errors.Count > 0;

    public string? String(string key, string? @default = null) => Raw(key) ?? @default;

    public string RequiredString(string key)
    {
        var value = Raw(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(key, "is required but not set");
            return "";
        }
        return value;
    }

    public int Int(string key, int @default, int min = int.MinValue, int max = int.MaxValue) =>
        OptionalInt(key, min, max) ?? @default;

    public int RequiredInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Raw(key) is null)
        {
            Error(key, "is required but not set");
            return 0;
        }
        return OptionalInt(key, min, max) ?? 0;
    }

    public int? OptionalInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = Raw(key);
        if (raw is null) return null;
        if (!int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Error(key, $"expected a whole number, got '{raw}'");
            return null;
        }
        if (value < min || value > max)
        {
            Error(key, $"must be between {min} and {max}, got {value}");
            return null;
        }
        return value;
    }

    public double Double(string key, double @default, double min = double.MinValue, double max = double.MaxValue)
    {
        var raw = Raw(key);
        if (raw is null) return @default;
        if (!double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            Error(key, $"expected a number, got '{raw}'");
            return @default;
        }
        if (value < min || value > max)
        {
            Error(key, $"must be between {min} and {max}, got {value}");
            return @default;
        }
        return value;
    }

    public bool Bool(string key, bool @default)
    {
        var raw = Raw(key);
        if (raw is null) return @default;
        switch (raw.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1": return true;
            case "false" or "no" or "off" or "0": return false;
            default:
                Error(key, $"expected true or false, got '{raw}'");
                return @default;
        }
    }

    /// <summary>
    /// One of a few words, case and surrounding spaces ignored, returned in lower case. Any other word is an
    /// error (<paramref name="problem"/> says what was wrong with it) and the default is used.
    /// </summary>
    public string Choice(string key, string @default, IReadOnlyList<string> allowed, Func<string, string> problem)
    {
        var value = (Raw(key) ?? @default).Trim().ToLowerInvariant();
        if (allowed.Contains(value)) return value;
        Error(key, problem(value));
        return @default;
    }

    /// <summary>A duration in seconds; APF writes plain seconds, "30s", "5m" and "1h" are accepted too.</summary>
    public TimeSpan Seconds(string key, TimeSpan @default, TimeSpan? min = null)
    {
        var raw = Raw(key);
        if (raw is null) return @default;
        if (!DurationParser.TryParse(raw, out var value))
        {
            Error(key, $"expected a duration in seconds (e.g. 30, 30s, 5m, 1h), got '{raw}'");
            return @default;
        }
        if (min is { } floor && value < floor)
        {
            Error(key, $"must be at least {floor.TotalSeconds} s, got {value.TotalSeconds} s");
            return @default;
        }
        return value;
    }

    /// <summary>A comma-separated list (APF's "schedplugin = Ready, MaxPerCycle").</summary>
    public IReadOnlyList<string> List(string key) =>
        (Raw(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string? Raw(string key)
    {
        _read.Add(key);
        return settings[key];
    }

    public void Error(string key, string message)
    {
        var found = settings.Find(key);
        // A key that is not set at all is reported at the line of its queue.
        errors.Add(new ConfigError(found?.Origin ?? fallbackSource, queue, key, message, found?.Line ?? fallbackLine));
    }
}
