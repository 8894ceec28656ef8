using System.Globalization;

namespace Apf.Simulation.Reporting;

/// <summary>The time series of every chain in one long-format CSV: chain, seconds, ready jobs, pending and running pilots.</summary>
public static class SeriesCsv
{
    public static void Write(TextWriter w, IEnumerable<SimulationResult> results)
    {
        w.WriteLine("chain,time_s,ready_jobs,pending_pilots,running_pilots");
        foreach (var r in results)
        {
            var chain = "\"" + r.Chain.Replace("\"", "\"\"") + "\"";
            foreach (var p in r.Series)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{chain},{p.Time},{p.ReadyJobs},{p.PendingPilots},{p.RunningPilots}"));
        }
    }
}
