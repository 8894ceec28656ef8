using Apf.Contracts;
using Apf.Monitoring.Api;

namespace Apf.Monitoring.State;

/// <summary>What the monitor remembers of one queue: bounded histories and the latest submission outcome.</summary>
internal sealed class QueueRecord(string name, MonitorOptions options)
{
    public string Name { get; } = name;
    public RingBuffer<HistoryPoint> History { get; } = new(options.HistoryLength);
    public RingBuffer<QueueDecided> Decisions { get; } = new(options.DecisionHistoryLength);
    public string? LastSubmitError { get; set; }
}
