using System.Text;

namespace Apf.Core.Configuration;

/// <summary>
/// Splits APF's <c>executable.arguments</c> string into an argument list. Quotes group words; nothing
/// is expanded or interpreted: the list is handed to the process as it is, never to a shell.
/// </summary>
public static class ArgumentSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else current.Append(c);
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) args.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord) args.Add(current.ToString());
        return args;
    }
}
