namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// One Slurm job or array task as squeue, scontrol or sacct report it. <see cref="Id"/> is what scancel
/// and scontrol accept: "8" for a single job, "11_5" for task 5 of array job 11.
/// <see cref="States"/> holds the base state first, then any flags (v0.0.40+ print a list: ["PENDING","REQUEUED"]).
/// </summary>
public sealed record SlurmJob
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> States { get; init; }
    public string? Reason { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? Submitted { get; init; }
    public DateTimeOffset? Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public int? ExitCode { get; init; }

    public PilotPhase Phase => SlurmStates.Classify(States);

    /// <summary>Sort key for "newest first": submit time, then array job id and task index.</summary>
    internal (DateTimeOffset, long, long) Age
    {
        get
        {
            var (job, task) = SlurmJobId.Split(Id);
            return (Submitted ?? DateTimeOffset.MinValue, job, task);
        }
    }
}
