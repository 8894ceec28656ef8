namespace Apf.Cli.Embedded;

/// <summary>How <c>apf run</c> was asked to run.</summary>
internal sealed record EmbeddedRunOptions
{
    public required string ConfigFile { get; init; }
    public bool UntilDrained { get; init; }
    public TimeSpan? Timeout { get; init; }
    public string Listen { get; init; } = "http://127.0.0.1:8080";
    public bool Quiet { get; init; }
}
