namespace Apf.Cli;

/// <summary>The pilot wrapper shipped with Apf.</summary>
internal static class PilotWrappers
{
    public static string? DefaultPath => null;
}
