using Apf.Contracts;
using Apf.Core.Plugins;

namespace Apf.Plugins.Local.LocalBatch;

/// <summary>
/// Batch status plugin "LocalProcess": counts the pilots of each queue in a <see cref="LocalPilotStore"/>.
/// Pending = submitted, wrapper not yet working; running = alive and working; done = exit 0 or retired;
/// failed = non-zero exit or vanished. Done and failed count pilots that ended within
/// batchstatus.localprocess.keepended (older folders are pruned). Each read also gives the jobs of
/// pilots that died back to their directory queue (after batchstatus.localprocess.jobattempts dead
/// attempts a job goes to failed/).
/// </summary>
public sealed class LocalProcessStatus(LocalPilotStore store, TimeSpan keepEnded, int jobAttempts = 3) : IBatchStatusPlugin
{
    /// <summary>How long ended pilots are counted and kept.</summary>
    public const string KeepEndedKey = "batchstatus.localprocess.keepended";

    /// <summary>How many pilots may die holding one directory-queue job before it is given up on.</summary>
    public const string JobAttemptsKey = "batchstatus.localprocess.jobattempts";

    public static readonly TimeSpan DefaultKeepEnded = TimeSpan.FromHours(24);

    public LocalPilotStore Store => store;

    /// <summary>Builds the plugin for the factory's work directory.</summary>
    public static LocalProcessStatus Create(PluginContext context)
    {
        var keep = context.Settings.Seconds(KeepEndedKey, DefaultKeepEnded, min: TimeSpan.FromMinutes(1));
        var attempts = context.Settings.Int(JobAttemptsKey, 3, min: 1, max: 100);
        var time = context.Services.GetService(typeof(TimeProvider)) as TimeProvider;
        return new LocalProcessStatus(new LocalPilotStore(context.Factory.WorkDirectory, time), keep, attempts);
    }

    public Task<IReadOnlyDictionary<string, BatchQueueFigures>> ReadAsync(IReadOnlyCollection<BatchStatusQuery> queues, CancellationToken cancellationToken)
    {
        store.RecoverJobsOfEndedPilots(jobAttempts);
        store.Prune(keepEnded);
        var now = store.Clock.GetUtcNow();
        var figures = new Dictionary<string, BatchQueueFigures>(StringComparer.Ordinal);
        foreach (var query in queues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pilots = LocalPilotStore.IsValidQueueName(query.Queue) ? store.List(query.Queue) : [];
            var recent = pilots.Where(p => p.HasEnded && p.EndedAt is { } end && end >= now - query.RecentWindow).ToList();
            figures[query.Queue] = new BatchQueueFigures
            {
                Pending = pilots.Count(p => p.State == LocalPilotState.Pending),
                Running = pilots.Count(p => p.State == LocalPilotState.Running),
                Done = pilots.Count(p => p.State == LocalPilotState.Done),
                Failed = pilots.Count(p => p.State == LocalPilotState.Failed),
                RecentlyEnded = recent.Count,
                RecentlyEndedShort = recent.Count(p => p.EndedAt!.Value - (p.StartedAt ?? p.SubmittedAt) < query.ShortRun),
            };
        }
        return Task.FromResult<IReadOnlyDictionary<string, BatchQueueFigures>>(figures);
    }
}
