namespace Apf.Plugins.Local.DirectoryQueue;

/// <summary>A job one pilot holds: its file now lives in running/ under the pilot's name.</summary>
public sealed record ClaimedJob(string WmsQueue, string Id, string PilotId, string Path)
{
    /// <summary>1 for a first run; higher when earlier pilots died holding it.</summary>
    public int Attempt => JobName.Attempt(Id, out _);
}

/// <summary>How many job files each folder of a WMS queue holds.</summary>
public sealed record JobCounts(int Ready, int Running, int Done, int Failed);

/// <summary>What orphan recovery did: jobs put back in ready/ and jobs given up on (moved to failed/).</summary>
public sealed record OrphanRecovery(IReadOnlyList<string> Requeued, IReadOnlyList<string> GivenUp, IReadOnlyList<string> Finished)
{
    public static readonly OrphanRecovery None = new([], [], []);

    public OrphanRecovery Plus(OrphanRecovery other) =>
        new([.. Requeued, .. other.Requeued], [.. GivenUp, .. other.GivenUp], [.. Finished, .. other.Finished]);
}
