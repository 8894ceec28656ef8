using ScottPlot;

namespace Apf.Simulation.Reporting;

/// <summary>
/// Three stacked panels (ready jobs, pending pilots, running pilots) against simulated hours, one line
/// per chain. Rendered with ScottPlot on SkiaSharp, no display needed.
/// </summary>
public static class SeriesPlot
{
    public static void SavePng(string path, IReadOnlyList<SimulationResult> results, string title, int width = 1200, int height = 900)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        var panels = new (string Label, Func<SeriesPoint, int> Value)[]
        {
            ("ready jobs", p => p.ReadyJobs),
            ("pending pilots", p => p.PendingPilots),
            ("running pilots", p => p.RunningPilots),
        };
        for (var i = 0; i < panels.Length; i++)
        {
            var plot = multiplot.GetPlot(i);
            foreach (var r in results)
            {
                var xs = r.Series.Select(p => p.Time / 3600.0).ToArray();
                var ys = r.Series.Select(p => (double)panels[i].Value(p)).ToArray();
                var line = plot.Add.ScatterLine(xs, ys);
                line.LegendText = r.Chain;
                line.LineWidth = 1.5f;
            }
            plot.YLabel(panels[i].Label);
            plot.XLabel("simulated hours");
            if (i == 0)
            {
                plot.Title(title);
                plot.ShowLegend(Alignment.UpperRight);
            }
            else plot.Legend.IsVisible = false;   // one legend is enough: the colours are the same in every panel
        }
        multiplot.SavePng(path, width, height);
    }
}
