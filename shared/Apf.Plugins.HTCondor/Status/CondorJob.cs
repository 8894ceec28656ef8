using Apf.Plugins.HTCondor.ClassAds;

namespace Apf.Plugins.HTCondor.Status;

/// <summary>The fields of one job ad that batch status, retirement and reconciliation need.</summary>
public sealed record CondorJob
{
    /// <summary>"ClusterId.ProcId", the id condor_rm and condor_q accept.</summary>
    public required string Id { get; init; }
    public required int JobStatus { get; init; }
    /// <summary>The Apf queue (MATCH_APF_QUEUE), or the queue attribute configured.</summary>
    public string? Queue { get; init; }
    public string? Factory { get; init; }
    public string? Label { get; init; }
    public int? ExitCode { get; init; }
    public long QDate { get; init; }
    public long JobStartDate { get; init; }
    public long EnteredCurrentStatus { get; init; }
    public long CompletionDate { get; init; }

    public PilotState State => CondorJobStates.Of(JobStatus);

    /// <summary>Ended with a non-zero exit code (a removed pilot has no exit code and is not failed).</summary>
    public bool Failed => State == PilotState.Done && ExitCode is { } code && code != 0;

    /// <summary>When the pilot ended (seconds since the epoch); 0 while it has not.</summary>
    public long EndedAt => State != PilotState.Done ? 0 : CompletionDate > 0 ? CompletionDate : EnteredCurrentStatus;

    /// <summary>Reads a job ad; ads without ClusterId, ProcId or JobStatus are not jobs and give null.</summary>
    public static CondorJob? FromAd(ClassAd ad, string queueAttribute = PilotAttributes.Queue)
    {
        if (ad.Long("ClusterId") is not { } cluster || ad.Long("ProcId") is not { } proc || ad.Long("JobStatus") is not { } status)
            return null;
        return new CondorJob
        {
            Id = $"{cluster}.{proc}",
            JobStatus = (int)status,
            Queue = ad.String(queueAttribute),
            Factory = ad.String(PilotAttributes.Factory),
            Label = ad.String(PilotAttributes.Label),
            ExitCode = ad.Long("ExitCode") is { } exit ? (int)exit : null,
            QDate = ad.Long("QDate") ?? 0,
            JobStartDate = ad.Long("JobStartDate") ?? 0,
            EnteredCurrentStatus = ad.Long("EnteredCurrentStatus") ?? 0,
            CompletionDate = ad.Long("CompletionDate") ?? 0,
        };
    }
}
