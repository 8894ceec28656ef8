using Apf.Core.Plugins;
using Apf.Plugins.Local.DirectoryQueue;

namespace Apf.Plugins.Local.LocalBatch;

/// <summary>What <see cref="LocalPilotStopper.StopAllAsync"/> did.</summary>
public sealed record LocalStopReport(int Signalled, int Killed, OrphanRecovery Jobs);

/// <summary>
/// Stops local pilots: retiring idle ones (the submit plugin's RetireAsync) and stopping every pilot
/// of a factory when the all-in-one host shuts down (Ctrl-C).
/// </summary>
public sealed class LocalPilotStopper(LocalPilotStore store)
{
    /// <summary>
    /// Stops up to <paramref name="count"/> pilots of a queue that are not working: pending ones first
    /// (newest first), then running ones between jobs. They get SIGTERM and count as done (removed).
    /// </summary>
    public IReadOnlyList<string> Retire(string factory, string queue, int count)
    {
        if (count <= 0 || !LocalPilotStore.IsValidQueueName(queue)) return [];
        var ours = store.List(queue).Where(p => !p.HasEnded && p.ProcessGroup is not null && IsOf(p, factory)).ToList();
        var idle = ours.Where(p => p.State == LocalPilotState.Pending).OrderByDescending(p => p.SubmittedAt)
            .Concat(ours.Where(p => p.State == LocalPilotState.Running && p.CurrentJob is null).OrderByDescending(p => p.SubmittedAt));
        var retired = new List<string>();
        foreach (var pilot in idle.Take(count))
        {
            store.Mark(pilot.Directory, "retired");
            // A pilot that claimed a job meanwhile puts it back on SIGTERM: retiring never loses work.
            if (ProcessControl.SignalGroup(pilot.ProcessGroup!.Value, ProcessControl.SigTerm)) retired.Add(pilot.Id);
            else File.Delete(Path.Combine(pilot.Directory, "retired"));
        }
        return retired;
    }

    /// <summary>
    /// Stops every live pilot of <paramref name="factory"/> (all factories when null): SIGTERM to each
    /// pilot's process group, up to <paramref name="grace"/> for the wrappers to put their jobs back and
    /// report their end, then SIGKILL to what is left (and to the job it was running), then orphan
    /// recovery of the directory queues they used.
    /// </summary>
    public async Task<LocalStopReport> StopAllAsync(string? factory, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var live = store.Queues().SelectMany(store.List)
            .Where(p => !p.HasEnded && p.ProcessGroup is not null && (factory is null || IsOf(p, factory)))
            .ToList();
        // Stopped by the factory, not broken: they count as done (removed), like retired pilots.
        foreach (var pilot in live) store.Mark(pilot.Directory, "retired");
        var signalled = live.Count(p => ProcessControl.SignalGroup(p.ProcessGroup!.Value, ProcessControl.SigTerm));
        var deadline = store.Clock.GetUtcNow() + grace;
        while (live.Any(IsAlive) && store.Clock.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(100), store.Clock, cancellationToken);
        var killed = 0;
        foreach (var pilot in live.Where(IsAlive))
        {
            // The wrapper runs each job in a process group of its own (timeout's), recorded here.
            var jobGroup = Path.Combine(pilot.Directory, "current-job-pgid");
            if (File.Exists(jobGroup) && int.TryParse(File.ReadAllText(jobGroup).Trim(), out var pgid))
                ProcessControl.SignalGroup(pgid, ProcessControl.SigKill);
            if (ProcessControl.SignalGroup(pilot.ProcessGroup!.Value, ProcessControl.SigKill)) killed++;
        }
        // Let the kernel finish the kills before the store reads these pilots as ended.
        for (var i = 0; i < 20 && live.Any(IsAlive); i++)
            await Task.Delay(TimeSpan.FromMilliseconds(50), store.Clock, cancellationToken);
        // Reading the pilots again marks the killed ones lost, so their jobs are recovered now.
        return new LocalStopReport(signalled, killed, store.RecoverJobsOfEndedPilots());
    }

    private static bool IsAlive(LocalPilot pilot) =>
        pilot.ProcessGroup is { } pid && ProcessControl.IsPilotAlive(pid, pilot.Directory);

    private static bool IsOf(LocalPilot pilot, string factory) =>
        PilotLabel.TryParse(pilot.Label, out var label) && label.Factory == factory;
}
