using Apf.Core.Scheduling;

namespace Apf.Scheduling;

/// <summary>
/// The missing-status guard: a plugin that needs figures it cannot trust returns 0 (no submission,
/// no retirement) and says why. Missing or stale status is never read as "no work".
/// </summary>
internal static class Status
{
    public static StepNote Wms(in SchedulerContext c) => StepNotes.WmsProblem(in c);

    public static StepNote Batch(in SchedulerContext c) => StepNotes.BatchProblem(in c);

    /// <summary>The WMS problem first, then the batch one.</summary>
    public static StepNote Both(in SchedulerContext c)
    {
        var wms = StepNotes.WmsProblem(in c);
        return wms != StepNote.None ? wms : StepNotes.BatchProblem(in c);
    }

    public static bool IsStatusProblem(StepNote note) =>
        note is StepNote.WmsMissing or StepNote.WmsStale or StepNote.BatchMissing or StepNote.BatchStale;

    /// <summary>Explanation of a step that was held back for lack of status: figures are not shown since they cannot be trusted.</summary>
    public static string Held(string plugin, int n, SchedulerStep step) =>
        StepNotes.WithNote($"{plugin}:in={n},ret={step.Output}", step);
}
