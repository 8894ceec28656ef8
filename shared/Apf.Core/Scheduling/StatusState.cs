namespace Apf.Core.Scheduling;

/// <summary>Whether a status figure can be trusted this cycle. Missing and stale are never read as zero work.</summary>
public enum StatusState : byte
{
    Missing = 0,
    Fresh = 1,
    Stale = 2,
}
