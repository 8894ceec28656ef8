using System.Globalization;

namespace Apf.Simulation.Reporting;

/// <summary>
/// The figures of every chain as CSV rows (for evaluations over many workloads). <c>settings</c> is what
/// else shaped the run (the seed, the shared --set keys), so the same trace under two batch delays gives
/// two distinguishable workloads.
/// </summary>
public static class SummaryCsv
{
    public const string Header = "workload,chain,jobs,never_started,wait_p50_s,wait_p95_s,wait_max_s,empty_fraction,idle_pilot_hours,pilots_submitted,pilots_retired,peak_pending_queue,peak_pending_total,decisions,evaluations,settings";

    public static void Write(TextWriter w, string workload, IEnumerable<SimulationResult> results, bool header = true, string settings = "")
    {
        if (header) w.WriteLine(Header);
        foreach (var r in results)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Quote(workload)},{Quote(r.Chain)},{r.Jobs},{r.JobsNeverStarted},{r.WaitP50Seconds},{r.WaitP95Seconds},{r.WaitMaxSeconds},{r.EmptyFraction:0.0000},{r.IdlePilotHours:0.0},{r.PilotsSubmitted},{r.PilotsRetired},{r.PeakPendingPerQueue},{r.PeakPendingTotal},{r.Decisions},{r.Evaluations},{Quote(settings)}"));
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
}
