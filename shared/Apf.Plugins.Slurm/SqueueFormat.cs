namespace Apf.Plugins.Slurm;

/// <summary>Which squeue output the plugins read.</summary>
public enum SqueueFormat
{
    /// <summary>squeue --json, falling back to the plain format for good once --json fails.</summary>
    Auto,
    Json,
    Text,
}
