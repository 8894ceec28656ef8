namespace Apf.Factory.Submitting;

/// <summary>Where the pilot wrapper that the factory delivers lives, and where pilots report to.</summary>
public sealed class PilotWrapperOptions
{
    /// <summary>The wrapper used by queues that set no <c>executable</c>.</summary>
    public string? DefaultExecutable { get; set; }

    /// <summary>The factory's own pilot report URL when the configuration names no monitorURL (the all-in-one host sets it once it listens).</summary>
    public string? ReportUrl { get; set; }
}
