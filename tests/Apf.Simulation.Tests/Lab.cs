using Apf.Simulation.Workload;

namespace Apf.Simulation.Tests;

/// <summary>Small workloads and runs shared by the tests.</summary>
internal static class Lab
{
    public static ChainBuilder Builder(params string[] sets) =>
        new(Simulation.SettingsFrom(SimulationDefaults.Settings.Concat(sets)));

    public static SimulationOptions Options(int seed = 1, params string[] sets)
    {
        var errors = new List<Apf.Core.Configuration.ConfigError>();
        var options = SimulationOptions.Read(new Apf.Core.Configuration.SettingsReader(Simulation.SettingsFrom(sets), null, errors), seed);
        Assert.Empty(errors);
        return options;
    }

    public static JobWorkload Synthetic(WorkloadShape shape, int seed, int queues = 3, double hours = 8, double rate = 40) =>
        SyntheticWorkload.Generate(new SyntheticOptions
        {
            Shape = shape,
            Seed = seed,
            Queues = queues,
            Duration = TimeSpan.FromHours(hours),
            JobsPerHour = rate,
            MeanRunTime = TimeSpan.FromMinutes(20),
        });

    public static JobWorkload Jobs(params (long Arrival, long RunTime)[] jobs) =>
        new(jobs.Select((j, i) => new SimJob(i, 0, j.Arrival, j.RunTime)), ["q0"], "hand-made");

    /// <summary>Every figure of a result, series included, as one comparable text.</summary>
    public static string Fingerprint(SimulationResult r) =>
        (r with { Series = [] }).ToString() + string.Join(";", r.Series);
}
