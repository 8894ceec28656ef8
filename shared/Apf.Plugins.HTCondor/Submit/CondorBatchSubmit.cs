using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.ClassAds;
using Apf.Plugins.HTCondor.Commands;
using Apf.Plugins.HTCondor.Status;

namespace Apf.Plugins.HTCondor.Submit;

/// <summary>
/// Batch submit for every HTCondor flavour: writes the submit description into the queue's log folder,
/// submits all pilots of a command in one condor_submit (one cluster, atomic), finds them again by
/// their label, and retires idle ones with condor_rm.
/// </summary>
public sealed class CondorBatchSubmit(ICondorCommands commands, CondorSubmitOptions options, TimeProvider clock) : IBatchSubmitPlugin
{
    private readonly CondorJobReader _reader = new(commands, options.Connection);

    public async Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken)
    {
        if (request.Count <= 0) return new SubmitOutcome([]);
        var description = SubmitDescription.Build(request, options);
        Directory.CreateDirectory(request.LogDirectory);
        var file = SubmitFilePath(request);
        await File.WriteAllTextAsync(file, description, cancellationToken).ConfigureAwait(false);
        var output = await _reader.RunAsync("condor_submit", CondorCommandLines.Submit(options.Connection, file), cancellationToken).ConfigureAwait(false);
        var ids = SubmitOutput.JobIds(output);
        if (ids.Count == 0)
            throw new CondorCommandException($"condor_submit succeeded but printed no job ids Apf can read: {CondorJobReader.Excerpt(output)}");
        return new SubmitOutcome(ids);
    }

    public async Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken)
    {
        var constraint = $"{PilotAttributes.Label} =?= {ClassAdLiteral.Quote(label.ToString())}";
        var queued = await _reader.QueueAsync(constraint, cancellationToken).ConfigureAwait(false);
        var since = clock.GetUtcNow().Subtract(options.FindWindow).ToUnixTimeSeconds();
        var ended = await _reader.HistoryAsync(constraint, since, cancellationToken).ConfigureAwait(false);
        return queued.Concat(ended).Select(j => j.Id).Distinct().Order(JobIdComparer.Instance).ToList();
    }

    public async Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken)
    {
        if (count <= 0) return [];
        var constraint = RetireConstraint(factory, queue);
        var idle = await _reader.QueueAsync(constraint, cancellationToken).ConfigureAwait(false);
        // Newest first: the oldest idle pilots are the likeliest to be matched next.
        var victims = idle.Where(j => j.JobStatus == 1)
            .OrderByDescending(j => j.QDate).ThenByDescending(j => j.Id, JobIdComparer.Instance)
            .Take(count).Select(j => j.Id).ToList();
        if (victims.Count == 0) return [];
        await _reader.RunAsync("condor_rm", CondorCommandLines.Remove(options.Connection, victims), cancellationToken).ConfigureAwait(false);
        return victims;
    }

    internal static string RetireConstraint(string factory, string queue) =>
        $"{PilotAttributes.Factory} =?= {ClassAdLiteral.Quote(factory)} && {PilotAttributes.Queue} =?= {ClassAdLiteral.Quote(queue)} && JobStatus == 1";

    internal static string SubmitFilePath(PilotRequest request) =>
        Path.Combine(request.LogDirectory, $"apf-{request.Label.CommandId:N}.sub");
}

/// <summary>Orders "cluster.proc" ids numerically.</summary>
internal sealed class JobIdComparer : IComparer<string>
{
    public static readonly JobIdComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (xc, xp) = Split(x);
        var (yc, yp) = Split(y);
        var byCluster = xc.CompareTo(yc);
        return byCluster != 0 ? byCluster : xp.CompareTo(yp);
    }

    private static (long, long) Split(string? id)
    {
        var parts = (id ?? "").Split('.');
        return (parts.Length > 0 && long.TryParse(parts[0], out var c) ? c : 0, parts.Length > 1 && long.TryParse(parts[1], out var p) ? p : 0);
    }
}
