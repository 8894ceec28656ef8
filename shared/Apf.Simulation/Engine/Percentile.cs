namespace Apf.Simulation.Engine;

internal static class Percentile
{
    /// <summary>Nearest-rank percentile of sorted values (0 when empty).</summary>
    public static double Of(long[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
