using System.Text.RegularExpressions;

namespace Apf.Plugins.Slurm.Commands;

/// <summary>Environment variable names a POSIX shell and <c>env</c> accept unchanged.</summary>
public static partial class EnvironmentName
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    public static void Validate(string name)
    {
        if (!IsValid(name)) throw new ArgumentException($"'{name}' is not a valid environment variable name", nameof(name));
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Pattern();
}
