using Apf.Simulation.Reporting;
using Apf.Simulation.Workload;

namespace Apf.Simulation.Tests;

public class ReportingTests
{
    private static IReadOnlyList<SimulationResult> TwoChains() => Simulation.Compare(
        Lab.Synthetic(WorkloadShape.Bursty, 1, queues: 2, hours: 4), [SimulationDefaults.RecommendedChain, SimulationDefaults.KedaChain], Lab.Builder(), Lab.Options());

    [Fact]
    public void The_plot_renders_a_png_without_a_display()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apf-sim-{Guid.NewGuid():N}.png");
        try
        {
            SeriesPlot.SavePng(path, TwoChains(), "test", 800, 600);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.True(bytes.Length > 10_000, $"only {bytes.Length} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_series_csv_has_one_row_per_sample_and_chain()
    {
        var results = TwoChains();
        var writer = new StringWriter();
        SeriesCsv.Write(writer, results);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("chain,time_s,ready_jobs,pending_pilots,running_pilots", lines[0]);
        Assert.Equal(1 + results.Sum(r => r.Series.Count), lines.Length);
        Assert.StartsWith("\"Forecast,MaxPerCycle,MaxPending\",0,", lines[1]);
    }

    [Fact]
    public void The_summary_csv_quotes_chains_and_keeps_invariant_numbers()
    {
        var writer = new StringWriter();
        SummaryCsv.Write(writer, "w", TwoChains(), settings: "seed 3; sim.batch.delay=exp:900");
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"w\",\"KedaAccurate\",", lines[2]);
        Assert.EndsWith(",\"seed 3; sim.batch.delay=exp:900\"", lines[2].TrimEnd('\r'));
        var numbers = lines[2].Split("\",")[2].Split(',');   // between the chain and the settings
        Assert.Equal(SummaryCsv.Header.Split(',').Length - 3, numbers.Length - 1);
    }
}
