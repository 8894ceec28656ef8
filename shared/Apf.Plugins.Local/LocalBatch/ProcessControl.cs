using System.Runtime.InteropServices;

namespace Apf.Plugins.Local.LocalBatch;

/// <summary>Signals and liveness of pilot processes (Linux: kill(2) and /proc).</summary>
internal static partial class ProcessControl
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>
    /// True when <paramref name="pid"/> runs and is the launcher of <paramref name="pilotDirectory"/>:
    /// a recycled pid belongs to another command line and does not count.
    /// </summary>
    public static bool IsPilotAlive(int pid, string pilotDirectory) => RunsWith(pid, pilotDirectory);

    /// <summary>True when <paramref name="pid"/> runs with <paramref name="argument"/> among its arguments.</summary>
    public static bool RunsWith(int pid, string argument)
    {
        string cmdline;
        try
        {
            cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return SignalGroupOrProcess(pid, 0, group: false); }
        // A zombie has an empty command line: it has ended.
        return cmdline.Split('\0').Contains(argument, StringComparer.Ordinal);
    }

    /// <summary>Sends <paramref name="signal"/> to the process group led by <paramref name="pgid"/>.</summary>
    public static bool SignalGroup(int pgid, int signal) => SignalGroupOrProcess(pgid, signal, group: true);

    private static bool SignalGroupOrProcess(int pid, int signal, bool group) =>
        pid > 1 && Kill(group ? -pid : pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
