using Apf.Contracts;

namespace Apf.Core.Scheduling;

/// <summary>
/// A queue's chain of scheduler plugins (APF's <c>schedplugin = A, B, C</c>): each plugin's output is
/// the next one's input, the first gets 0.
/// </summary>
public sealed class SchedulerChain
{
    private readonly ISchedulerPlugin[] _plugins;

    public SchedulerChain(IEnumerable<ISchedulerPlugin> plugins)
    {
        _plugins = plugins.ToArray();
        if (_plugins.Length == 0) throw new ArgumentException("a scheduler chain needs at least one plugin", nameof(plugins));
    }

    public IReadOnlyList<ISchedulerPlugin> Plugins => _plugins;

    public int Length => _plugins.Length;

    /// <summary>Runs the chain without allocating; <paramref name="trace"/> receives each step (may be empty).</summary>
    public int Evaluate(in SchedulerContext context, Span<SchedulerStep> trace)
    {
        var n = 0;
        for (var i = 0; i < _plugins.Length; i++)
        {
            var step = _plugins[i].Apply(in context, n);
            if (i < trace.Length) trace[i] = step;
            n = step.Output;
        }
        return n;
    }

    /// <summary>Runs the chain and explains every step (for the console, the monitor and the submit command).</summary>
    public ChainDecision Decide(in SchedulerContext context)
    {
        Span<SchedulerStep> trace = _plugins.Length <= 32 ? stackalloc SchedulerStep[_plugins.Length] : new SchedulerStep[_plugins.Length];
        var result = Evaluate(in context, trace);
        var steps = new DecisionStep[_plugins.Length];
        var n = 0;
        for (var i = 0; i < _plugins.Length; i++)
        {
            steps[i] = new DecisionStep(_plugins[i].Name, n, trace[i].Output, _plugins[i].Explain(in context, n, trace[i]));
            n = trace[i].Output;
        }
        return new ChainDecision(result, steps);
    }
}

/// <summary>The chain's result and its explanation.</summary>
public sealed record ChainDecision(int Result, IReadOnlyList<DecisionStep> Steps)
{
    /// <summary>APF's log line: each plugin's message, in chain order.</summary>
    public string Explanation => string.Join(" | ", Steps.Select(s => s.Explanation));
}
