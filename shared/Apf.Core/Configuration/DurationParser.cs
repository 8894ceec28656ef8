using System.Globalization;

namespace Apf.Core.Configuration;

/// <summary>Parses "360", "360s", "6m", "1h", "1.5h" into a <see cref="TimeSpan"/>.</summary>
public static class DurationParser
{
    public static bool TryParse(string raw, out TimeSpan value)
    {
        value = default;
        var text = raw.Trim().ToLowerInvariant();
        if (text.Length == 0) return false;
        var unit = 1.0;
        switch (text[^1])
        {
            case 's': text = text[..^1]; break;
            case 'm': unit = 60; text = text[..^1]; break;
            case 'h': unit = 3600; text = text[..^1]; break;
            case 'd': unit = 86400; text = text[..^1]; break;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0 || double.IsInfinity(number))
            return false;
        value = TimeSpan.FromSeconds(number * unit);
        return true;
    }
}
