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

    /// <summary>SIGKILL to the process group of every process that has one of <paramref name="arguments"/> among its arguments.</summary>
    public static void KillGroupsRunningAny(IReadOnlySet<string> arguments)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Any(arguments.Contains)) continue;
                if (ProcessGroupOf(dir) is { } pgid && pgid > 1 && pgid != ProcessGroupOf("/proc/self")) Kill(-pgid, SigKill);
                Kill(pid, SigKill);
            }
            catch (IOException) { /* ended meanwhile */ }
            catch (UnauthorizedAccessException) { /* not ours */ }
        }
    }

    // "/proc/<pid>/stat" reads "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    private static int? ProcessGroupOf(string procDirectory)
    {
        var stat = File.ReadAllText(Path.Combine(procDirectory, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 2 && int.TryParse(fields[2], out var pgid) ? pgid : null;
    }

    /// <summary>Sends <paramref name="signal"/> to the process group led by <paramref name="pgid"/>.</summary>
    public static bool SignalGroup(int pgid, int signal) => SignalGroupOrProcess(pgid, signal, group: true);

    private static bool SignalGroupOrProcess(int pid, int signal, bool group) =>
        pid > 1 && Kill(group ? -pid : pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
