namespace Apf.Simulation.Workload;

/// <summary>Seeded draws shared by the generators and the batch model (System.Random with a seed is stable).</summary>
internal static class Draw
{
    /// <summary>An independent stream per (seed, stream, index), so adding a queue never shifts another queue's draws.</summary>
    public static Random Stream(int seed, int stream, int index) =>
        new(unchecked(seed * 1_000_003 + stream * 7_919 + index * 104_729));

    public static double Exponential(Random r, double mean) => -mean * Math.Log(1 - r.NextDouble());

    public static double Normal(Random r)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u1 = 1 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double LogNormal(Random r, double median, double sigma) => median * Math.Exp(sigma * Normal(r));
}
