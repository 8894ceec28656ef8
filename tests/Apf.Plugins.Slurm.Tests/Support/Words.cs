namespace Apf.Plugins.Slurm.Tests.Support;

internal static class Words
{
    /// <summary>Words a shell would mangle if quoting were wrong.</summary>
    public static readonly string[] Hostile =
    [
        "x; rm -rf /", "it's", "'", "''", "\"double\"", "$HOME", "${PATH}", "`id`", "$(id)", "a\\b", "back\\",
        "new\nline", "tab\there", "*", "?", "[a]", "~", "#comment", "a=b", "--partition=x; rm -rf /", "&&", "|", ">out",
        "", " ", "ünïcødé ✓", "!event", "%A_%a",
    ];
}
