using Apf.Core.Plugins;

namespace Apf.Plugins.HTCondor;

/// <summary>
/// The job attributes every Apf pilot carries in HTCondor. MATCH_APF_QUEUE is APF's own name, kept so
/// that APF-era tools (apf-condor-q, monitoring constraints) still group Apf pilots per queue.
/// </summary>
public static class PilotAttributes
{
    public const string Queue = "MATCH_APF_QUEUE";
    public const string Factory = "ApfFactory";
    public const string CommandId = "ApfCommandId";
    /// <summary>The whole <see cref="PilotLabel"/>: "apf.&lt;factory&gt;.&lt;queue&gt;.&lt;command id&gt;".</summary>
    public const string Label = "ApfPilotLabel";

    /// <summary>The attributes Apf asks condor_q/condor_history for (-attributes keeps the output small).</summary>
    public static readonly IReadOnlyList<string> Projection =
    [
        "ClusterId", "ProcId", "JobStatus", "ExitCode", "QDate", "JobStartDate", "EnteredCurrentStatus",
        "CompletionDate", Queue, Factory, Label,
    ];
}
