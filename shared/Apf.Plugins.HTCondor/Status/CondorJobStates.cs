namespace Apf.Plugins.HTCondor.Status;

/// <summary>A pilot's state in APF's batch vocabulary.</summary>
public enum PilotState
{
    Pending,
    Running,
    Done,
    /// <summary>Suspended (7) or a code HTCondor may add later: APF counts these nowhere.</summary>
    Other,
}

/// <summary>HTCondor JobStatus codes mapped as APF's mappings.conf maps them.</summary>
public static class CondorJobStates
{
    public static PilotState Of(int jobStatus) => jobStatus switch
    {
        0 or 1 or 5 => PilotState.Pending, // unexpanded, idle, held
        2 or 6 => PilotState.Running,      // running, transferring output
        3 or 4 => PilotState.Done,         // removed, completed
        _ => PilotState.Other,
    };
}
