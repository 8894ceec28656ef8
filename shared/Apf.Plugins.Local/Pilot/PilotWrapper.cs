namespace Apf.Plugins.Local.Pilot;

/// <summary>
/// Where the scripts shipped with this plugin are: the pilot wrapper the factory delivers to every
/// pilot, and the launcher the LocalProcess submit plugin starts pilots with. Both are copied next to
/// this assembly (Pilot/ folder) at build time.
/// </summary>
public static class PilotWrapper
{
    /// <summary>Exit code of the wrapper when the node fails validation (disk, memory, CPUs, commands).</summary>
    public const int ExitNodeUnfit = 69;

    /// <summary>Exit code of the wrapper for a bad argument.</summary>
    public const int ExitUsage = 64;

    /// <summary>Exit code of the wrapper when its payload cannot start (e.g. a broken directory queue).</summary>
    public const int ExitPilotError = 70;

    /// <summary>Exit code of the wrapper stopped by SIGTERM (128 + 15), after putting its job back.</summary>
    public const int ExitTerminated = 143;

    /// <summary>Absolute path of apf-pilot-wrapper.sh (bash).</summary>
    public static string DefaultPath => Script("apf-pilot-wrapper.sh");

    /// <summary>Absolute path of apf-local-launcher.sh (bash), used by the LocalProcess submit plugin.</summary>
    public static string LauncherPath => Script("apf-local-launcher.sh");

    private static string Script(string name)
    {
        var folder = Path.GetDirectoryName(typeof(PilotWrapper).Assembly.Location);
        if (string.IsNullOrEmpty(folder)) folder = AppContext.BaseDirectory;
        var path = Path.Combine(folder, "Pilot", name);
        EnsureExecutable(path);
        return path;
    }

    // Copies of the scripts (publish, NuGet, zip) can lose the execute bit; pilots start them directly.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        try
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | execute);
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only install: the launcher still runs it through bash when it is not executable.
        }
    }
}
