using System.Globalization;
using Apf.Core.Plugins;
using Apf.Plugins.Local.DirectoryQueue;

namespace Apf.Plugins.Local.LocalBatch;

/// <summary>
/// The local batch system's only state: one folder per pilot under
/// &lt;factory WorkDirectory&gt;/localbatch/&lt;queue&gt;/&lt;pilot id&gt;/, written by the submit plugin
/// (label, submitted, dirqueue), the launcher (pid, launched, ended, exitcode) and the wrapper
/// (started, current-job, profile.json, events.jsonl). Any process reading the same work directory sees
/// the same pilots, and they survive a factory restart.
/// </summary>
public sealed class LocalPilotStore
{
    /// <summary>How long a submitted pilot may go without a recorded pid before it counts as lost.</summary>
    public static readonly TimeSpan LaunchGrace = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;

    public LocalPilotStore(string workDirectory, TimeProvider? time = null)
    {
        Root = Path.Combine(Path.GetFullPath(workDirectory), "localbatch");
        _time = time ?? TimeProvider.System;
    }

    /// <summary>&lt;work&gt;/localbatch.</summary>
    public string Root { get; }

    internal TimeProvider Clock => _time;

    /// <summary>True for queue names usable as one folder (Apf queue names always are).</summary>
    public static bool IsValidQueueName(string queue) => DirectoryJobQueue.IsValidQueueName(queue);

    /// <summary>The Apf queues that have pilot folders.</summary>
    public IReadOnlyList<string> Queues() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Every pilot of a queue, with its state as of now.</summary>
    public IReadOnlyList<LocalPilot> List(string queue)
    {
        var folder = QueueFolder(queue);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => Read(queue, d)).OfType<LocalPilot>().ToList();
    }

    /// <summary>Creates the folder of a new pilot (not started yet) and returns it.</summary>
    internal string Create(PilotLabel label, string pilotId, string? directoryQueue)
    {
        var folder = Path.Combine(QueueFolder(label.Queue), pilotId);
        Directory.CreateDirectory(folder);
        Write(folder, "label", label.ToString());
        Write(folder, "submitted", Stamp(_time.GetUtcNow()));
        if (directoryQueue is not null) Write(folder, "dirqueue", directoryQueue);
        return folder;
    }

    internal static void Write(string folder, string name, string value)
    {
        // Unique temp names: the launcher writes some of the same files (its pid) at the same moment.
        var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, value + "\n");
        File.Move(temp, Path.Combine(folder, name), overwrite: true);
    }

    internal void Mark(string folder, string name) => Write(folder, name, Stamp(_time.GetUtcNow()));

    /// <summary>
    /// Gives the jobs of ended pilots back to their directory queue (see
    /// <see cref="DirectoryJobQueue.RecoverOrphans"/>); each pilot is handled once.
    /// </summary>
    public OrphanRecovery RecoverJobsOfEndedPilots(int maxAttempts = 3)
    {
        var result = OrphanRecovery.None;
        var ended = Queues().SelectMany(List)
            .Where(p => p.HasEnded && p.DirectoryQueue is not null && !File.Exists(Path.Combine(p.Directory, "recovered")))
            .ToList();
        foreach (var group in ended.GroupBy(p => p.DirectoryQueue!))
        {
            var path = Path.TrimEndingDirectorySeparator(group.Key);
            var queueRoot = Path.GetDirectoryName(path);
            var name = Path.GetFileName(path);
            if (queueRoot is null || !DirectoryJobQueue.IsValidQueueName(name)) continue;
            StopOrphanedJobs(path, group.Select(p => p.Id));
            var dead = group.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            result = result.Plus(new DirectoryJobQueue(queueRoot, _time).RecoverOrphans(name, id => !dead.Contains(id), maxAttempts));
            foreach (var pilot in group) Mark(pilot.Directory, "recovered");
        }
        return result;
    }

    // A wrapper killed outright leaves its job running in the job's own process group (timeout's):
    // stop it before the job is handed to another pilot, so it never runs twice at once. Processes are
    // found by the claimed job file in their arguments, so a recycled id is never hit.
    private static void StopOrphanedJobs(string directoryQueue, IEnumerable<string> deadPilots)
    {
        var running = Path.Combine(directoryQueue, "running");
        if (!System.IO.Directory.Exists(running)) return;
        var claimed = deadPilots.SelectMany(id => System.IO.Directory.EnumerateFiles(running, $"*@{id}{JobName.Extension}")).ToHashSet(StringComparer.Ordinal);
        if (claimed.Count > 0) ProcessControl.KillGroupsRunningAny(claimed);
    }

    /// <summary>Deletes the folders of pilots that ended before <paramref name="keep"/> ago (their logs stay in the log folder).</summary>
    public int Prune(TimeSpan keep)
    {
        var limit = _time.GetUtcNow() - keep;
        var pruned = 0;
        foreach (var pilot in Queues().SelectMany(List))
        {
            if (!pilot.HasEnded || pilot.EndedAt is not { } ended || ended >= limit) continue;
            if (pilot.DirectoryQueue is not null && !File.Exists(Path.Combine(pilot.Directory, "recovered"))) continue;
            Directory.Delete(pilot.Directory, recursive: true);
            pruned++;
        }
        return pruned;
    }

    private string QueueFolder(string queue) =>
        IsValidQueueName(queue)
            ? Path.Combine(Root, queue)
            : throw new ArgumentException($"queue name '{queue}' must be a single folder name", nameof(queue));

    private LocalPilot? Read(string queue, string folder)
    {
        var label = Text(folder, "label");
        if (label is null) return null; // a folder being created
        var pid = Int(folder, "pid");
        // Liveness first, exit code second: a launcher ending in between has written its code by then.
        var alive = pid is { } p && ProcessControl.IsPilotAlive(p, folder);
        var exitCode = Int(folder, "exitcode");
        var retired = File.Exists(Path.Combine(folder, "retired"));
        var submitted = At(folder, "submitted") ?? DateTimeOffset.MinValue;
        var started = At(folder, "started") ?? At(folder, "launched");
        var lost = At(folder, "lost");
        if (exitCode is null && lost is null && !alive && (pid is not null || _time.GetUtcNow() - submitted > LaunchGrace))
        {
            Mark(folder, "lost"); // vanished without an exit code: killed, or the launch never happened
            lost = At(folder, "lost");
        }
        var state = exitCode is { } code ? (code == 0 || retired ? LocalPilotState.Done : LocalPilotState.Failed)
            : lost is not null ? (retired ? LocalPilotState.Done : LocalPilotState.Failed)
            : alive && File.Exists(Path.Combine(folder, "started")) ? LocalPilotState.Running
            : LocalPilotState.Pending;
        return new LocalPilot
        {
            Id = Path.GetFileName(folder),
            Queue = queue,
            Directory = folder,
            Label = label,
            State = state,
            SubmittedAt = submitted,
            ProcessGroup = pid,
            StartedAt = started,
            EndedAt = exitCode is not null ? At(folder, "ended") ?? lost : lost,
            ExitCode = exitCode,
            DirectoryQueue = Text(folder, "dirqueue"),
            CurrentJob = Text(folder, "current-job"),
            Retired = retired,
        };
    }

    private static string? Text(string folder, string name)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, name)).Trim();
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
    }

    private static int? Int(string folder, string name) =>
        int.TryParse(Text(folder, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    // The markers hold an ISO time when a program wrote one, else the file's own time (the wrapper touches "started").
    private static DateTimeOffset? At(string folder, string name)
    {
        var text = Text(folder, name);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder, name));
        return new DateTimeOffset(written, TimeSpan.Zero);
    }

    internal static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
