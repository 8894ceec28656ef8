namespace Apf.Simulation;

/// <summary>The chains and options `apf simulate` uses when none are given.</summary>
public static class SimulationDefaults
{
    /// <summary>APF's usual production chain (without the site-state plugins, which a simulated site never needs).</summary>
    public const string ApfChain = "Ready,MaxPerCycle,MinPerCycle,MaxPending";

    public const string KedaChain = "KedaAccurate";

    /// <summary>The lab's recommended chain (see docs/simulation.md for the evaluation behind it).</summary>
    public const string RecommendedChain = "Forecast,MaxPerCycle,MaxPending";

    /// <summary>
    /// Options every chain gets unless --set overrides them: the field's usual cap of 100 pilots per
    /// queue and cycle (DIRAC, GlideinWMS, KEDA's maxReplicaCount), the same 100 as the pending cap
    /// (so MaxPending's pass-through at pending = 0 can never exceed it), and APF's MinPerCycle of 1.
    /// </summary>
    public static readonly IReadOnlyList<string> Settings =
    [
        "sched.maxpending.maximum=100",
        "sched.maxpercycle.maximum=100",
        "sched.minpercycle.minimum=1",
    ];
}
