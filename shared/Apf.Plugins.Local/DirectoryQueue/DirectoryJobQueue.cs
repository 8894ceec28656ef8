using System.Globalization;

namespace Apf.Plugins.Local.DirectoryQueue;

/// <summary>
/// The demo WMS: one folder per WMS queue under <see cref="Root"/>, holding job files in
/// ready/, running/, done/ and failed/. Claiming a job is one atomic rename into running/ with the
/// pilot's id in the name, so any number of threads and processes (the pilot wrapper does the same
/// rename in bash) can claim from one queue and every job runs once.
/// A job is WMS payload (a small shell script); nothing from factory configuration is ever run.
/// </summary>
public sealed class DirectoryJobQueue
{
    /// <summary>The four folders of a WMS queue.</summary>
    public static readonly IReadOnlyList<string> States = ["ready", "running", "done", "failed"];

    /// <summary>A file in a WMS queue's folder that marks the queue offline (drain it).</summary>
    public const string OfflineMarker = "OFFLINE";

    /// <summary>A demo job for <c>apf jobs add QUEUE N</c> when no script is given: a few seconds of "work".</summary>
    public const string DemoJob = "sleep $((2 + RANDOM % 4))\necho \"job $APF_JOB_ID ran on $(uname -n)\"";

    /// <summary>Exit "code" written for a job given up on after its pilots died.</summary>
    public const string LostExit = "lost";

    private readonly TimeProvider _time;
    private long _sequence;

    public DirectoryJobQueue(string root, TimeProvider? time = null)
    {
        Root = Path.GetFullPath(root);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The folder holding one folder per WMS queue (absolute).</summary>
    public string Root { get; }

    /// <summary>True when <paramref name="wmsQueue"/> can name a folder directly under the root.</summary>
    public static bool IsValidQueueName(string wmsQueue) =>
        wmsQueue.Length is > 0 and <= 200 && wmsQueue is not "." and not ".."
        && wmsQueue.IndexOfAny(['/', '\\', '\0']) < 0;

    /// <summary>The WMS queue's folder; throws <see cref="ArgumentException"/> for a name that is not one folder.</summary>
    public string QueuePath(string wmsQueue) =>
        IsValidQueueName(wmsQueue)
            ? Path.Combine(Root, wmsQueue)
            : throw new ArgumentException($"WMS queue name '{wmsQueue}' must be a single folder name (no '/', not '.' or '..')", nameof(wmsQueue));

    /// <summary>True when the queue's folder and its four state folders exist.</summary>
    public bool Exists(string wmsQueue) =>
        IsValidQueueName(wmsQueue) && States.All(s => Directory.Exists(Path.Combine(Root, wmsQueue, s)));

    /// <summary>True when an admin put an OFFLINE file in the queue's folder.</summary>
    public bool IsOffline(string wmsQueue) => File.Exists(Path.Combine(QueuePath(wmsQueue), OfflineMarker));

    /// <summary>Creates the queue's folders (no-op when they exist).</summary>
    public void EnsureQueue(string wmsQueue)
    {
        var path = QueuePath(wmsQueue);
        foreach (var state in States) Directory.CreateDirectory(Path.Combine(path, state));
    }

    /// <summary>
    /// Adds <paramref name="count"/> jobs running <paramref name="script"/> (shell text, the WMS payload;
    /// a leading "#!" line is kept, otherwise bash is used). Returns the new job ids, oldest first.
    /// </summary>
    public IReadOnlyList<string> AddJobs(string wmsQueue, int count, string script)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureQueue(wmsQueue);
        var ready = Path.Combine(QueuePath(wmsQueue), "ready");
        var text = script.StartsWith("#!", StringComparison.Ordinal) ? script : "#!/usr/bin/env bash\n" + script;
        if (!text.EndsWith('\n')) text += "\n";
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            // Sortable names keep the queue first-in first-out for claimers that take the first name.
            var id = $"j{stamp}-{Interlocked.Increment(ref _sequence):D6}-{Guid.NewGuid().ToString("N")[..6]}";
            var temp = Path.Combine(ready, $".{id}.tmp");
            File.WriteAllText(temp, text);
            File.Move(temp, Path.Combine(ready, JobName.Ready(id)));
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>Job files per state; null when the queue's folders do not exist (a missing queue, not zero).</summary>
    public JobCounts? Count(string wmsQueue)
    {
        if (!Exists(wmsQueue)) return null;
        var path = QueuePath(wmsQueue);
        int In(string state) => Directory.EnumerateFiles(Path.Combine(path, state)).Count(f => JobName.IsJob(Path.GetFileName(f)));
        return new JobCounts(In("ready"), In("running"), In("done"), In("failed"));
    }

    /// <summary>Claims the oldest ready job for <paramref name="pilotId"/>; null when none is left.</summary>
    public ClaimedJob? Claim(string wmsQueue, string pilotId)
    {
        if (!Exists(wmsQueue)) return null;
        var path = QueuePath(wmsQueue);
        var pilot = JobName.SafePilotId(pilotId);
        var names = Directory.EnumerateFiles(Path.Combine(path, "ready"))
            .Select(Path.GetFileName).OfType<string>().Where(JobName.IsJob).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var id = name[..^JobName.Extension.Length];
            var target = Path.Combine(path, "running", JobName.Running(id, pilot));
            if (TryRename(Path.Combine(path, "ready", name), target)) return new ClaimedJob(wmsQueue, id, pilot, target);
        }
        return null;
    }

    /// <summary>Ends a claimed job: its output and exit code are kept beside it in done/ (exit 0) or failed/.</summary>
    public void Complete(ClaimedJob job, int exitCode, string output)
    {
        var state = exitCode == 0 ? "done" : "failed";
        var folder = Path.Combine(QueuePath(job.WmsQueue), state);
        File.WriteAllText(Path.Combine(folder, job.Id + ".out"), output);
        WriteExit(folder, job.Id, exitCode.ToString(CultureInfo.InvariantCulture));
        // The job file moves last: a job seen in done/ or failed/ always has its outputs beside it.
        File.Move(job.Path, Path.Combine(folder, JobName.Ready(job.Id)), overwrite: true);
    }

    /// <summary>Puts a claimed job back in ready/ unchanged (its pilot was stopped, not broken).</summary>
    public void Release(ClaimedJob job)
    {
        File.Delete(Path.ChangeExtension(job.Path, ".out"));
        File.Move(job.Path, Path.Combine(QueuePath(job.WmsQueue), "ready", JobName.Ready(job.Id)), overwrite: true);
    }

    /// <summary>
    /// Jobs in running/ whose pilot is dead go back to ready/ with their attempt raised ("&lt;id&gt;~2"),
    /// or to failed/ (exit "lost") once <paramref name="maxAttempts"/> attempts died. A job whose
    /// pilot died after writing its exit code is finished where that code says.
    /// <paramref name="isPilotAlive"/> must answer true for pilots the caller cannot judge.
    /// </summary>
    public OrphanRecovery RecoverOrphans(string wmsQueue, Func<string, bool> isPilotAlive, int maxAttempts = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        if (!Exists(wmsQueue)) return OrphanRecovery.None;
        var path = QueuePath(wmsQueue);
        List<string> requeued = [], givenUp = [], finished = [];
        foreach (var file in Directory.EnumerateFiles(Path.Combine(path, "running")).ToList())
        {
            if (!JobName.TryParseRunning(Path.GetFileName(file), out var id, out var pilot) || isPilotAlive(pilot)) continue;
            var partialOutput = Path.ChangeExtension(file, ".out");
            if (FinishedState(path, id) is { } state)
            {
                TryRename(file, Path.Combine(path, state, JobName.Ready(id)));
                File.Delete(partialOutput);
                finished.Add(id);
                continue;
            }
            var attempt = JobName.Attempt(id, out var baseId);
            if (attempt >= maxAttempts)
            {
                var failed = Path.Combine(path, "failed");
                var note = $"\napf: pilot {pilot} died while running attempt {attempt} of {maxAttempts}; job given up\n";
                var output = File.Exists(partialOutput) ? File.ReadAllText(partialOutput) : "";
                File.WriteAllText(Path.Combine(failed, id + ".out"), output + note);
                WriteExit(failed, id, LostExit);
                if (TryRename(file, Path.Combine(failed, JobName.Ready(id)))) givenUp.Add(id);
            }
            else if (TryRename(file, Path.Combine(path, "ready", JobName.Ready(JobName.WithAttempt(baseId, attempt + 1)))))
            {
                requeued.Add(id);
            }
            File.Delete(partialOutput);
        }
        return new OrphanRecovery(requeued, givenUp, finished);
    }

    /// <summary>The WMS queues under the root (folders holding the four state folders).</summary>
    public IReadOnlyList<string> Queues() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(Exists).Order(StringComparer.Ordinal).ToList()
            : [];

    private static string? FinishedState(string path, string id) =>
        new[] { "done", "failed" }.FirstOrDefault(s => File.Exists(Path.Combine(path, s, id + ".exit")));

    private static void WriteExit(string folder, string id, string code)
    {
        var temp = Path.Combine(folder, $".{id}.exit.tmp");
        File.WriteAllText(temp, code + "\n");
        File.Move(temp, Path.Combine(folder, id + ".exit"), overwrite: true);
    }

    // rename(2) is the claim. File.Move without overwrite may emulate "fail if the target exists" on Unix
    // (link then unlink), under which two claimers could both succeed; with overwrite it is one rename,
    // and the target name is the claimer's own, so there is nothing to overwrite.
    private static bool TryRename(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
            return true;
        }
        catch (FileNotFoundException) { return false; }
        catch (DirectoryNotFoundException) { return false; }
    }
}
