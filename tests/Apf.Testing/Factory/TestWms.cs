using System.Collections.Concurrent;
using Apf.Contracts;
using Apf.Core.Plugins;

namespace Apf.Testing.Factory;

/// <summary>A WMS whose figures the test sets; it can be told to fail or hang to test isolation.</summary>
public sealed class TestWms : IWmsStatusPlugin
{
    public ConcurrentDictionary<string, WmsQueueFigures> Figures { get; } = new();
    public Exception? FailWith { get; set; }
    public bool Hang { get; set; }

    public async Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken)
    {
        if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
        if (FailWith is not null) throw FailWith;
        return wmsQueues.Where(Figures.ContainsKey).ToDictionary(q => q, q => Figures[q]);
    }
}
