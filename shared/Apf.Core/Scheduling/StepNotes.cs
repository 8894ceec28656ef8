namespace Apf.Core.Scheduling;

/// <summary>Shared guards and wording for steps that need fresh status.</summary>
public static class StepNotes
{
    /// <summary>The note to give when WMS status cannot be used this cycle, or <see cref="StepNote.None"/>.</summary>
    public static StepNote WmsProblem(in SchedulerContext c) => c.WmsState switch
    {
        StatusState.Missing => StepNote.WmsMissing,
        StatusState.Stale => StepNote.WmsStale,
        _ => StepNote.None,
    };

    /// <summary>The note to give when batch status cannot be used this cycle, or <see cref="StepNote.None"/>.</summary>
    public static StepNote BatchProblem(in SchedulerContext c) => c.BatchState switch
    {
        StatusState.Missing => StepNote.BatchMissing,
        StatusState.Stale => StepNote.BatchStale,
        _ => StepNote.None,
    };

    public static string Describe(StepNote note) => note switch
    {
        StepNote.WmsMissing => "wms status missing",
        StepNote.WmsStale => "wms status stale",
        StepNote.BatchMissing => "batch status missing",
        StepNote.BatchStale => "batch status stale",
        StepNote.SiteOffline => "site offline",
        StepNote.SiteTest => "site in test",
        StepNote.FactoryFull => "factory at its maximum",
        StepNote.Throttled => "short-lived pilots above ratio",
        StepNote.LifetimeCapReached => "lifetime submit cap reached",
        _ => "",
    };

    /// <summary>Appends ",note=&lt;why&gt;" to an explanation when the step has a note.</summary>
    public static string WithNote(string text, SchedulerStep step) =>
        step.Note == StepNote.None ? text : $"{text},note={Describe(step.Note)}";
}
