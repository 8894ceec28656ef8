using System.Globalization;
using System.Text;

namespace Apf.Plugins.HTCondor.ClassAds;

/// <summary>
/// Reads the long format (<c>condor_q -l</c>, <c>condor_status -l</c>): one "Name = value" line per
/// attribute, ads separated by blank lines. Literals become typed values; anything else is kept as
/// an expression.
/// </summary>
public static class ClassAdLongParser
{
    public static IReadOnlyList<ClassAd> Parse(string output)
    {
        var ads = new List<ClassAd>();
        var current = new ClassAd();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0) ads.Add(current);
                current = new ClassAd();
                continue;
            }
            var equals = line.IndexOf('=');
            // "-- Schedd: ..." banners and comments carry no attribute.
            if (equals <= 0 || line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith('#')) continue;
            var name = line[..equals].Trim();
            if (name.Length == 0 || name.Contains(' ')) continue;
            current[name] = Literal(line[(equals + 1)..].Trim());
        }
        if (current.Count > 0) ads.Add(current);
        return ads;
    }

    internal static object? Literal(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"' && IsSingleString(text)) return Unescape(text[1..^1]);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        if (text.Equals("undefined", StringComparison.OrdinalIgnoreCase)) return null;
        return new ClassAdExpression(text);
    }

    // "a" + "b" starts and ends with a quote but is an expression, not one string.
    private static bool IsSingleString(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '"') return false;
        }
        return true;
    }

    private static string Unescape(string body)
    {
        if (!body.Contains('\\')) return body;
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                i++;
                sb.Append(body[i] switch { 'n' => '\n', 't' => '\t', var c => c });
            }
            else sb.Append(body[i]);
        }
        return sb.ToString();
    }
}
