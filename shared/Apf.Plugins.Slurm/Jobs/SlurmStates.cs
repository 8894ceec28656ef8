using System.Collections.Frozen;

namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// Maps Slurm job states (squeue %T, JSON job_state, scontrol JobState, sacct State) to APF's phases.
/// Decisions (documented in docs/slurm.md):
/// - pending: PENDING, CONFIGURING (nodes are being set up, the pilot has not started, so it pulls no
///   work), REQUEUED, REQUEUE_HOLD, REQUEUE_FED, RESV_DEL_HOLD (back in the queue, waiting);
/// - running: RUNNING, COMPLETING, SUSPENDED, STOPPED, RESIZING, SIGNALING, STAGE_OUT (the pilot has
///   started and may hold a payload; SUSPENDED is counted running so it is never "retired" as idle);
/// - done: COMPLETED, CANCELLED (APF: finished or removed);
/// - failed: FAILED, TIMEOUT, NODE_FAIL, BOOT_FAIL, OUT_OF_MEMORY, DEADLINE, PREEMPTED, SPECIAL_EXIT, REVOKED.
/// Flags that change the meaning of a base state win over it: CONFIGURING makes a RUNNING job pending,
/// REQUEUED/REQUEUE_HOLD make it pending again; other flags (COMPLETING on a CANCELLED job, UPDATE_DB...) leave the base state's meaning.
/// </summary>
public static class SlurmStates
{
    private static readonly FrozenDictionary<string, PilotPhase> Phases = new Dictionary<string, PilotPhase>
    {
        ["PENDING"] = PilotPhase.Pending,
        ["CONFIGURING"] = PilotPhase.Pending,
        ["REQUEUED"] = PilotPhase.Pending,
        ["REQUEUE_HOLD"] = PilotPhase.Pending,
        ["REQUEUE_FED"] = PilotPhase.Pending,
        ["RESV_DEL_HOLD"] = PilotPhase.Pending,
        ["RUNNING"] = PilotPhase.Running,
        ["COMPLETING"] = PilotPhase.Running,
        ["SUSPENDED"] = PilotPhase.Running,
        ["STOPPED"] = PilotPhase.Running,
        ["RESIZING"] = PilotPhase.Running,
        ["SIGNALING"] = PilotPhase.Running,
        ["STAGE_OUT"] = PilotPhase.Running,
        ["COMPLETED"] = PilotPhase.Done,
        ["CANCELLED"] = PilotPhase.Done,
        ["FAILED"] = PilotPhase.Failed,
        ["TIMEOUT"] = PilotPhase.Failed,
        ["NODE_FAIL"] = PilotPhase.Failed,
        ["BOOT_FAIL"] = PilotPhase.Failed,
        ["OUT_OF_MEMORY"] = PilotPhase.Failed,
        ["DEADLINE"] = PilotPhase.Failed,
        ["PREEMPTED"] = PilotPhase.Failed,
        ["SPECIAL_EXIT"] = PilotPhase.Failed,
        ["REVOKED"] = PilotPhase.Failed,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Compact codes of squeue %t, for output that only has them.
    private static readonly FrozenDictionary<string, string> Compact = new Dictionary<string, string>
    {
        ["PD"] = "PENDING", ["CF"] = "CONFIGURING", ["RQ"] = "REQUEUED", ["RH"] = "REQUEUE_HOLD",
        ["RF"] = "REQUEUE_FED", ["RD"] = "RESV_DEL_HOLD", ["R"] = "RUNNING", ["CG"] = "COMPLETING",
        ["S"] = "SUSPENDED", ["ST"] = "STOPPED", ["RS"] = "RESIZING", ["SI"] = "SIGNALING", ["SO"] = "STAGE_OUT",
        ["CD"] = "COMPLETED", ["CA"] = "CANCELLED", ["F"] = "FAILED", ["TO"] = "TIMEOUT", ["NF"] = "NODE_FAIL",
        ["BF"] = "BOOT_FAIL", ["OOM"] = "OUT_OF_MEMORY", ["DL"] = "DEADLINE", ["PR"] = "PREEMPTED",
        ["SE"] = "SPECIAL_EXIT", ["RV"] = "REVOKED",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static PilotPhase Classify(string state) => Classify([state]);

    public static PilotPhase Classify(IReadOnlyList<string> states)
    {
        if (states.Count == 0) return PilotPhase.Unknown;
        var names = states.Select(Normalize).ToList();
        if (names.Any(n => n is "CONFIGURING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED")) return PilotPhase.Pending;
        return Phases.GetValueOrDefault(names[0], PilotPhase.Unknown);
    }

    /// <summary>"CANCELLED by 0" (sacct, scontrol) → "CANCELLED"; "CD" → "COMPLETED".</summary>
    public static string Normalize(string state)
    {
        var word = state.Trim();
        var space = word.IndexOf(' ');
        if (space > 0) word = word[..space];
        word = word.TrimEnd('+').ToUpperInvariant();
        return Compact.GetValueOrDefault(word, word);
    }
}
