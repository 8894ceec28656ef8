namespace Apf.Simulation.Workload;

/// <summary>One job of the workload: when it reaches the WMS, how long it runs, which queue serves it.</summary>
/// <param name="Id">The job's number in its source (SWF job number, or the generator's counter).</param>
/// <param name="Queue">Index of the simulated queue (0-based).</param>
/// <param name="Arrival">Seconds from the start of the simulation.</param>
/// <param name="RunTime">Seconds a pilot spends running it.</param>
public readonly record struct SimJob(long Id, int Queue, long Arrival, long RunTime);
