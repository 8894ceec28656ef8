namespace Apf.Plugins.Slurm.Jobs;

/// <summary>APF's vocabulary for a pilot's batch state.</summary>
public enum PilotPhase
{
    /// <summary>A state this code does not know: counted nowhere rather than guessed.</summary>
    Unknown,
    Pending,
    Running,
    Done,
    Failed,
}
