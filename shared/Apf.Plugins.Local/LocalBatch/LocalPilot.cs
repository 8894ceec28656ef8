namespace Apf.Plugins.Local.LocalBatch;

/// <summary>Where a local pilot is in its life, in APF's batch vocabulary.</summary>
public enum LocalPilotState
{
    /// <summary>Submitted, but the wrapper has not started working (not launched yet, or validating the node).</summary>
    Pending,
    /// <summary>Alive and working.</summary>
    Running,
    /// <summary>Ended with exit code 0, or retired by the factory.</summary>
    Done,
    /// <summary>Ended with a non-zero exit code, or vanished without one.</summary>
    Failed,
}

/// <summary>
/// One local pilot as its folder (&lt;work&gt;/localbatch/&lt;queue&gt;/&lt;pilot id&gt;/) records it.
/// Times are null until the step happened.
/// </summary>
public sealed record LocalPilot
{
    public required string Id { get; init; }
    public required string Queue { get; init; }
    public required string Directory { get; init; }
    /// <summary>The pilot's label text (<c>PilotLabel.ToString()</c>).</summary>
    public required string Label { get; init; }
    public required LocalPilotState State { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>The launcher's pid, which is also the pilot's process group id.</summary>
    public int? ProcessGroup { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>The wrapper's exit code; null while alive and when the pilot vanished.</summary>
    public int? ExitCode { get; init; }
    /// <summary>The directory queue the pilot pulls jobs from (APF_DIRQUEUE), if any.</summary>
    public string? DirectoryQueue { get; init; }
    /// <summary>Id of the job the pilot is running now, if it runs one.</summary>
    public string? CurrentJob { get; init; }
    public bool Retired { get; init; }

    public bool HasEnded => State is LocalPilotState.Done or LocalPilotState.Failed;
}
