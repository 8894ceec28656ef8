using Apf.Config.Store;
using Apf.Contracts;
using MassTransit;

namespace Apf.Config.Editing;

/// <summary>
/// Applies a write: reads the current configuration, lets the write propose the next one, validates
/// it, stores it only if nobody wrote in between, records history and publishes ConfigChanged.
/// </summary>
public sealed class ConfigEditor(
    IConfigStore store,
    ConfigValidator validator,
    IPublishEndpoint publisher,
    TimeProvider clock,
    ILogger<ConfigEditor> logger)
{
    /// <summary>A write that lost a race on another part re-checks its own version and tries again.</summary>
    private const int Attempts = 5;

    public delegate Proposal Propose(StoredFactory current, Stamp stamp);

    public async Task<EditResult> EditAsync(string by, bool dryRun, Propose propose, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.LoadAsync(cancellationToken);
            var stamp = new Stamp(current.Revision + 1, clock.GetUtcNow(), by);
            var proposal = propose(current, stamp);
            if (proposal.Status != EditStatus.Ok || proposal.Next is null)
                return new EditResult(proposal.Status, current, proposal.Problem);

            var report = proposal.Imported is { } imported
                ? validator.Validate(imported, proposal.Concerned)
                : validator.Validate(proposal.Next, proposal.Concerned);
            if (!report.IsValid)
                return new EditResult(EditStatus.Invalid, current, "the configuration is not valid; nothing was changed", report.Errors, report.Warnings);
            if (dryRun || proposal.History.Count == 0)
                return new EditResult(EditStatus.Ok, dryRun ? proposal.Next : current, Warnings: report.Warnings);

            if (!await store.TryReplaceAsync(proposal.Next, current.Revision, proposal.History, cancellationToken))
                continue;
            await PublishAsync(proposal, stamp, cancellationToken);
            return new EditResult(EditStatus.Ok, proposal.Next, Warnings: report.Warnings, Saved: true);
        }
        return new EditResult(EditStatus.Conflict, await store.LoadAsync(cancellationToken), "too many concurrent writes; try again");
    }

    private async Task PublishAsync(Proposal proposal, Stamp stamp, CancellationToken cancellationToken)
    {
        var queues = proposal.Concerned is null
            ? []
            : proposal.History.Select(h => h.Target).Where(t => t != HistoryEntry.FactoryTarget).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        try
        {
            await publisher.Publish(new ConfigChanged
            {
                Version = stamp.Revision,
                ChangedAt = stamp.At,
                ChangedBy = stamp.By,
                Queues = queues,
                Summary = proposal.Summary,
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is stored and stays so; the next event carries a newer revision, which covers this one.
            logger.LogError(e, "Configuration revision {Revision} stored but ConfigChanged could not be published", stamp.Revision);
        }
    }
}

/// <summary>The revision, time and author every part of one change is stamped with.</summary>
public sealed record Stamp(long Revision, DateTimeOffset At, string By);
