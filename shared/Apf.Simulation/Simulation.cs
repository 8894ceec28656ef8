using Apf.Core.Configuration;
using Apf.Simulation.Engine;
using Apf.Simulation.Workload;

namespace Apf.Simulation;

/// <summary>Runs scheduler chains over a workload, each on its own fresh copy of the simulated world.</summary>
public static class Simulation
{
    public static SimulationResult Run(JobWorkload workload, string chain, ChainBuilder builder, SimulationOptions options) =>
        new Simulator(workload, chain, builder, options).Run();

    /// <summary>
    /// Several chains on the same workload; results in the order of <paramref name="chains"/>. Runs are
    /// independent (own queues, own seeded streams), so running them in parallel changes no figure.
    /// </summary>
    public static IReadOnlyList<SimulationResult> Compare(JobWorkload workload, IReadOnlyList<string> chains, ChainBuilder builder, SimulationOptions options, int parallelism = 2)
    {
        var results = new SimulationResult[chains.Count];
        Parallel.For(0, chains.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            i => results[i] = Run(workload, chains[i], builder, options));
        return results;
    }

    /// <summary>Flat settings from "key=value" pairs (later pairs win), origin "--set".</summary>
    public static Settings SettingsFrom(IEnumerable<string> pairs, string origin = "--set")
    {
        var values = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var pair in pairs)
        {
            position++;
            var at = pair.IndexOf('=');
            if (at <= 0) throw new ArgumentException($"{origin}: expected key=value, got '{pair}'");
            values[pair[..at].Trim()] = new SettingValue(pair[(at + 1)..].Trim(), origin, position);
        }
        return new Settings(values);
    }
}
