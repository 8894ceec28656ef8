using System.CommandLine;

namespace Apf.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo> Config(bool required = true) => new("--config", "-c")
    {
        Description = "The factory's YAML configuration file (factory, defaults, queues).",
        Required = required,
    };
}
