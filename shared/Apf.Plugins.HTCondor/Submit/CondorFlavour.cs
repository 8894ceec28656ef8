namespace Apf.Plugins.HTCondor.Submit;

/// <summary>Where the pilots go: the local schedd's pool, or a remote CE through HTCondor-G.</summary>
public enum CondorFlavour
{
    /// <summary>"CondorLocal": vanilla universe in the local pool.</summary>
    Local,
    /// <summary>"CondorGrid": grid universe with a grid_resource given verbatim.</summary>
    Grid,
    /// <summary>"CondorCE": an HTCondor-CE ("condor host host:9619").</summary>
    CE,
    /// <summary>"CondorARC": an ARC CE through its REST interface ("arc https://host:443/arex").</summary>
    Arc,
    /// <summary>"CondorSSH": a remote batch system over SSH (BOSCO, "batch slurm user@host").</summary>
    Ssh,
}
