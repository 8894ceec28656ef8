using System.Text;

namespace Apf.Plugins.HTCondor.Submit;

/// <summary>
/// The "new" quoting of condor_submit's arguments and environment commands: the whole value in double
/// quotes, items separated by spaces, an item holding spaces or quotes wrapped in single quotes with
/// single quotes doubled, and double quotes doubled everywhere.
/// </summary>
public static class SubmitQuoting
{
    public static string Arguments(IEnumerable<string> arguments) =>
        "\"" + string.Join(" ", arguments.Select(Item)) + "\"";

    public static string Environment(IEnumerable<KeyValuePair<string, string>> variables) =>
        "\"" + string.Join(" ", variables.Select(v => v.Key + "=" + Item(v.Value))) + "\"";

    private static string Item(string value)
    {
        if (value.Any(char.IsControl)) throw new ArgumentException("submit arguments and environment values must be single-line");
        var needsQuotes = value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c == '\'');
        var escaped = new StringBuilder(value.Length + 2);
        foreach (var c in value)
        {
            if (c == '"') escaped.Append("\"\"");
            else if (c == '\'' && needsQuotes) escaped.Append("''");
            else escaped.Append(c);
        }
        return needsQuotes ? "'" + escaped + "'" : escaped.ToString();
    }
}
