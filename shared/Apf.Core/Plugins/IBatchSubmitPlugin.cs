namespace Apf.Core.Plugins;

/// <summary>Submits pilots to a batch system, finds them again by command id, and retires idle ones.</summary>
public interface IBatchSubmitPlugin
{
    /// <summary>Submit <see cref="PilotRequest.Count"/> pilots labelled with the request's factory, queue and command id.</summary>
    Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The batch ids of pilots already submitted for a command (reconciliation after a redelivery):
    /// a submitter that died mid-command must not submit the same pilots twice.
    /// </summary>
    Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken);

    /// <summary>Remove up to <paramref name="count"/> pending (idle) pilots of a queue; returns the batch ids removed.</summary>
    Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken);
}

/// <summary>The result of one submission: the batch ids created.</summary>
public sealed record SubmitOutcome(IReadOnlyList<string> BatchIds);
