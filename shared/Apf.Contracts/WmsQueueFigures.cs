namespace Apf.Contracts;

/// <summary>
/// How much work one WMS queue holds, in APF's vocabulary (mappings.conf):
/// notready, ready (activated), running, done, failed.
/// </summary>
public sealed record WmsQueueFigures
{
    public int Ready { get; init; }
    public int NotReady { get; init; }
    public int Running { get; init; }
    public int Done { get; init; }
    public int Failed { get; init; }
    public SiteState Site { get; init; } = SiteState.Unknown;
}
