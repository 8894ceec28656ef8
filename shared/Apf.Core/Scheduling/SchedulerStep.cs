namespace Apf.Core.Scheduling;

/// <summary>One plugin's result: its output and, when a guard applied, why.</summary>
public readonly record struct SchedulerStep(int Output, StepNote Note = StepNote.None);
