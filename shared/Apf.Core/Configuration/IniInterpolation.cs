using System.Text;

namespace Apf.Core.Configuration;

/// <summary>
/// APF's <c>%(key)s</c> references (Python ConfigParser's basic interpolation): a value may quote
/// another key of its section or of [DEFAULT]; <c>%%</c> is a literal percent sign. APF's shipped
/// queues.conf relies on it, e.g. <c>executable.arguments = %(executable.defaultarguments)s -s %(wmsqueue)s</c>.
/// </summary>
public static class IniInterpolation
{
    /// <summary>Python's MAX_INTERPOLATION_DEPTH: a deeper chain is taken for a loop.</summary>
    public const int MaxDepth = 10;

    /// <summary>Expands a value; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static string? Expand(string value, Func<string, string?> lookup, out string? error)
    {
        error = null;
        return Expand(value, lookup, 1, ref error);
    }

    public static bool HasReferences(string value) => value.Contains('%');

    private static string? Expand(string value, Func<string, string?> lookup, int depth, ref string? error)
    {
        if (!value.Contains('%')) return value;
        if (depth > MaxDepth)
        {
            error = $"references nest deeper than {MaxDepth} levels (a key that refers to itself?)";
            return null;
        }
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '%')
            {
                result.Append(c);
                continue;
            }
            if (i + 1 < value.Length && value[i + 1] == '%')
            {
                result.Append('%');
                i++;
                continue;
            }
            var close = i + 1 < value.Length && value[i + 1] == '(' ? value.IndexOf(")s", i + 2, StringComparison.Ordinal) : -1;
            if (close < 0)
            {
                error = $"'%' must be followed by '%' or '(key)s' (at '{value[i..Math.Min(value.Length, i + 12)]}')";
                return null;
            }
            var name = value[(i + 2)..close];
            var referenced = lookup(name);
            if (referenced is null)
            {
                error = $"refers to '%({name})s' but '{name}' is not set in this section or [DEFAULT]";
                return null;
            }
            var expanded = Expand(referenced, lookup, depth + 1, ref error);
            if (expanded is null) return null;
            result.Append(expanded);
            i = close + 1;
        }
        return result.ToString();
    }
}
