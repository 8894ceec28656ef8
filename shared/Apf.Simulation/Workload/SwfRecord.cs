namespace Apf.Simulation.Workload;

/// <summary>
/// The fields of one SWF line that the simulation uses (Parallel Workloads Archive, Standard Workload
/// Format: 18 whitespace-separated fields, -1 meaning missing).
/// </summary>
public readonly record struct SwfRecord(
    long JobNumber,      // field 1
    long SubmitTime,     // field 2, seconds from the log's start
    long WaitTime,       // field 3
    long RunTime,        // field 4
    long Processors,     // field 5, allocated
    long RequestedTime,  // field 9
    long Status,         // field 11
    long QueueNumber,    // field 15
    long Partition);     // field 16
