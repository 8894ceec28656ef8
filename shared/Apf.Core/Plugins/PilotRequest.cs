namespace Apf.Core.Plugins;

/// <summary>
/// What a submit plugin needs for one command: how many pilots, their label, the wrapper to run with
/// its arguments, and the environment every pilot gets (APF's APFFID, APFCID, FACTORYQUEUE...).
/// </summary>
public sealed record PilotRequest
{
    public required PilotLabel Label { get; init; }
    public required int Count { get; init; }
    /// <summary>The pilot wrapper the factory delivers (absolute path on the submit host).</summary>
    public required string Executable { get; init; }
    /// <summary>Arguments for the wrapper, passed as a list, never through a shell.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>Where this queue's pilot output goes today (APF: baseLogDir/YYYY-MM-DD/queue/).</summary>
    public required string LogDirectory { get; init; }
    public string? BatchQueue { get; init; }
}
