namespace Apf.Simulation;

/// <summary>The chains and options `apf simulate` uses when none are given.</summary>
public static class SimulationDefaults
{
    /// <summary>
    /// APF's usual production chain (without the site-state plugins, which a simulated site never needs), with
    /// the lab's shared settings: MinPerCycle 1 sends a pilot to every queue every cycle, work or not. That is
    /// the harder anchor on job wait (a job often finds that pilot waiting), paid for in empty pilots.
    /// </summary>
    public const string ApfChain = "Ready,MaxPerCycle,MinPerCycle,MaxPending";

    /// <summary>
    /// The same chain as APF configured it for ATLAS (the [DEFAULT] section its AGIS configuration plugin
    /// writes: sched.minpercycle.minimum = 0, sched.maxpercycle.maximum = 50, sched.maxpending.maximum = 100),
    /// so it sends pilots only for ready jobs. Its apfqueue.sleep of 120 s is a site setting here (--set).
    /// </summary>
    public const string ApfAtlasChain = ApfChain + ";sched.minpercycle.minimum=0;sched.maxpercycle.maximum=50";

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
