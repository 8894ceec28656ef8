namespace Apf.Simulation;

/// <summary>The chains and options `apf simulate` uses when none are given.</summary>
public static class SimulationDefaults
{
    /// <summary>APF's usual production chain (without the site-state plugins, which a simulated site never needs).</summary>
    public const string ApfChain = "Ready,MaxPerCycle,MinPerCycle,MaxPending";

    public const string KedaChain = "KedaAccurate";

    /// <summary>The lab's recommended chain (see docs/simulation.md for the evaluation behind it).</summary>
    public const string RecommendedChain = "Ready,MaxPerCycle,MaxPending";

    /// <summary>Options every chain gets unless --set overrides them: APF-like caps.</summary>
    public static readonly IReadOnlyList<string> Settings =
    [
        "sched.maxpending.maximum=20",
        "sched.maxpercycle.maximum=20",
        "sched.minpercycle.minimum=1",
    ];
}
