using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Core.Configuration;

/// <summary>A validated queue: its options, effective settings and the plugin instances built for it.</summary>
public sealed record QueueDefinition
{
    public required QueueOptions Options { get; init; }
    public required Settings Settings { get; init; }
    public required SchedulerChain Chain { get; init; }
    public required IWmsStatusPlugin WmsStatus { get; init; }
    public required IBatchStatusPlugin BatchStatus { get; init; }
    public required IBatchSubmitPlugin BatchSubmit { get; init; }
    /// <summary>Queues with equal keys share one WMS status read (APF's shared status plugins).</summary>
    public required string WmsSource { get; init; }
    public required string BatchSource { get; init; }
    /// <summary>The Throttle window and short-run threshold, reported by batch status.</summary>
    public TimeSpan RecentWindow { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan ShortRun { get; init; } = TimeSpan.FromSeconds(10);

    public string Name => Options.Name;
}

/// <summary>A queue that failed validation: disabled and reported, while the others run.</summary>
public sealed record InvalidQueue(string Name, IReadOnlyList<ConfigError> Errors);
