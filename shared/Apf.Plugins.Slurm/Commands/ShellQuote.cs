using System.Text;

namespace Apf.Plugins.Slurm.Commands;

/// <summary>
/// Quotes words for a POSIX shell. SSH sends one command string that the remote login shell parses,
/// so every word is single-quoted: inside single quotes a POSIX shell expands nothing, and the only
/// character needing care is the single quote itself, written as <c>'\''</c>.
/// </summary>
public static class ShellQuote
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // A NUL byte cannot travel in a C string: no quoting can carry it, so refuse rather than truncate.
        if (word.Contains('\0')) throw new ArgumentException("a shell word cannot contain a NUL character", nameof(word));
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// One command string: <c>env 'NAME=value' ... 'program' 'arg' ...</c>. The environment goes through
    /// <c>env</c> so it needs no shell syntax and reaches only this command.
    /// </summary>
    public static string Command(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var text = new StringBuilder();
        if (environment is { Count: > 0 })
        {
            text.Append("env");
            foreach (var (name, value) in environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                EnvironmentName.Validate(name);
                text.Append(' ').Append(Quote(name + "=" + value));
            }
            text.Append(' ');
        }
        text.Append(Quote(program));
        foreach (var argument in arguments) text.Append(' ').Append(Quote(argument));
        return text.ToString();
    }
}
