using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Jobs;

namespace Apf.Plugins.Slurm.Submit;

/// <summary>
/// Batch submit "Slurm": one sbatch job array per command (split at maxarraysize), the pilot label as the
/// job name; FindPilots lists jobs by that name; Retire holds the newest pending pilots of a queue, then
/// cancels those still pending, so a pilot that started meanwhile is never killed.
/// </summary>
public sealed class SlurmBatchSubmitPlugin(SlurmClient client, SbatchOptions options) : IBatchSubmitPlugin, IDisposable
{
    // The output folder changes once a day (baseLogDir/YYYY-MM-DD/queue): create it once, not per command,
    // since over SSH every remote command costs a session.
    private readonly HashSet<string> _outputFolders = new(StringComparer.Ordinal);

    public async Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken)
    {
        if (request.Count <= 0) return new SubmitOutcome([]);
        await CreateOutputFolderAsync(options.OutputDirectory ?? request.LogDirectory, cancellationToken).ConfigureAwait(false);

        var ids = new List<string>(request.Count);
        for (var left = request.Count; left > 0; left -= options.MaxArraySize)
        {
            var count = Math.Min(left, options.MaxArraySize);
            var jobId = await client.SubmitAsync(SbatchCommand.For(request, options, count), cancellationToken).ConfigureAwait(false);
            ids.AddRange(SbatchCommand.TaskIds(jobId, count));
        }
        return new SubmitOutcome(ids);
    }

    private async Task CreateOutputFolderAsync(string folder, CancellationToken cancellationToken)
    {
        lock (_outputFolders)
            if (_outputFolders.Contains(folder)) return;
        var mkdir = await client.Runner.RunAsync(new CommandLine("mkdir", ["-p", "--", folder]), cancellationToken).ConfigureAwait(false);
        if (!mkdir.Succeeded) throw new InvalidOperationException($"cannot create pilot output folder '{folder}' ({client.Runner.Where}): {mkdir.Error.Trim()}");
        lock (_outputFolders)
        {
            if (_outputFolders.Count > 1000) _outputFolders.Clear();
            _outputFolders.Add(folder);
        }
    }

    public async Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken)
    {
        var name = label.ToString();
        var jobs = await client.ListAsync(name, cancellationToken).ConfigureAwait(false);
        return jobs.Where(j => j.Name == name).Select(j => j.Id).ToList();
    }

    public async Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken)
    {
        if (count <= 0) return [];
        var prefix = PilotLabel.QueuePrefixOf(factory, queue);
        var jobs = await client.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var newestPending = jobs
            .Where(j => j.Name.StartsWith(prefix, StringComparison.Ordinal) && IsIdle(j))
            .OrderByDescending(j => j.Age)
            .Take(count)
            .Select(j => j.Id)
            .ToList();
        if (newestPending.Count == 0) return [];

        // "scancel --state=PENDING 12_3" cancels the whole pending remainder of array 12 on Slurm 22.05, and a
        // plain scancel could kill a pilot that started a moment ago. Holding first closes that race: a held
        // job cannot start, and scontrol refuses to hold one that already has.
        await client.HoldAsync(newestPending, cancellationToken).ConfigureAwait(false);
        List<string> toCancel;
        try
        {
            var held = (await client.ListAsync(null, cancellationToken).ConfigureAwait(false)).Where(IsIdle).Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
            toCancel = newestPending.Where(held.Contains).ToList();
            await client.CancelAsync(toCancel, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Never leave pilots held that were neither cancelled nor released.
            await client.ReleaseAsync(newestPending, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Report what really went: cancelled tasks of a pending array leave squeue at once, others show CANCELLED.
        var after = new Dictionary<string, SlurmJob>(StringComparer.Ordinal);
        foreach (var job in await client.ListAsync(null, cancellationToken).ConfigureAwait(false)) after.TryAdd(job.Id, job);
        return toCancel.Where(id => !after.TryGetValue(id, out var job) || SlurmStates.Normalize(job.States[0]) == "CANCELLED").ToList();
    }

    // Only plain waiting pilots: CONFIGURING ones already hold nodes and are about to start.
    private static bool IsIdle(SlurmJob job) =>
        job.Phase == PilotPhase.Pending && job.States.Count > 0 && SlurmStates.Normalize(job.States[0]) == "PENDING";

    public void Dispose() => client.Dispose();
}
