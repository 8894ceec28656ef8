using Apf.Plugins.Slurm.Jobs;

namespace Apf.Plugins.Slurm.Tests.Parsing;

public sealed class SlurmStatesTests
{
    [Theory]
    [InlineData("PENDING", PilotPhase.Pending)]
    [InlineData("PD", PilotPhase.Pending)]
    [InlineData("CONFIGURING", PilotPhase.Pending)]
    [InlineData("REQUEUED", PilotPhase.Pending)]
    [InlineData("REQUEUE_HOLD", PilotPhase.Pending)]
    [InlineData("RUNNING", PilotPhase.Running)]
    [InlineData("COMPLETING", PilotPhase.Running)]
    [InlineData("CG", PilotPhase.Running)]
    [InlineData("SUSPENDED", PilotPhase.Running)]
    [InlineData("COMPLETED", PilotPhase.Done)]
    [InlineData("CANCELLED by 0", PilotPhase.Done)]
    [InlineData("CA", PilotPhase.Done)]
    [InlineData("FAILED", PilotPhase.Failed)]
    [InlineData("TIMEOUT", PilotPhase.Failed)]
    [InlineData("NODE_FAIL", PilotPhase.Failed)]
    [InlineData("OUT_OF_MEMORY", PilotPhase.Failed)]
    [InlineData("PREEMPTED", PilotPhase.Failed)]
    [InlineData("BOOT_FAIL", PilotPhase.Failed)]
    [InlineData("DEADLINE", PilotPhase.Failed)]
    [InlineData("SOMETHING_NEW", PilotPhase.Unknown)]
    public void Single_states_map_to_apf_phases(string state, PilotPhase phase) =>
        Assert.Equal(phase, SlurmStates.Classify(state));

    [Fact]
    public void Flags_in_state_lists_change_the_phase_where_they_should()
    {
        Assert.Equal(PilotPhase.Pending, SlurmStates.Classify(["RUNNING", "CONFIGURING"]));
        Assert.Equal(PilotPhase.Pending, SlurmStates.Classify(["PENDING", "REQUEUED"]));
        Assert.Equal(PilotPhase.Done, SlurmStates.Classify(["CANCELLED", "COMPLETING"]));
        Assert.Equal(PilotPhase.Running, SlurmStates.Classify(["RUNNING", "UPDATE_DB"]));
        Assert.Equal(PilotPhase.Unknown, SlurmStates.Classify([]));
    }

    [Theory]
    [InlineData("5", new long[] { 5 })]
    [InlineData("5-7", new long[] { 5, 6, 7 })]
    [InlineData("[1,3,7-8]", new long[] { 1, 3, 7, 8 })]
    [InlineData("0-9%2", new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData("2-10:4", new long[] { 2, 6, 10 })]
    public void Array_task_expressions_expand(string expression, long[] tasks) =>
        Assert.Equal(tasks, SlurmJobId.ExpandTasks(expression));
}
