using Apf.Core.Scheduling;
using static Apf.Scheduling.Tests.Contexts;
using static Apf.Scheduling.Tests.PluginBuilder;

namespace Apf.Scheduling.Tests;

/// <summary>Missing or stale status is never read as zero work: the plugins that need it hold back and say why.</summary>
public class MissingStatusTests
{
    // Plugins with options that would otherwise let a number through.
    private static readonly Dictionary<string, (string, string)[]> Configured = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MaxPending"] = [("sched.maxpending.maximum", "100")],
        ["MinPending"] = [("sched.minpending.minimum", "10")],
        ["MaxToRun"] = [("sched.maxtorun.maximum", "100")],
        ["MaxPerFactory"] = [("sched.maxperfactory.maximum", "1000")],
        ["MinToSubmit"] = [("sched.mintosubmit.minimum", "50")],
        ["KeepNRunning"] = [("sched.keepnrunning.keep_running", "40")],
        ["KeepNQueueLife"] = [("sched.keepnqueuelife.njobs", "40")],
        ["StatusOffline"] = [("sched.statusoffline.pilots", "3")],
        ["StatusTest"] = [("sched.statustest.pilots", "3")],
    };

    public static TheoryData<string> NeedWms => new("Ready", "Fillactivated", "WeightedActivated", "StatusOffline", "StatusTest",
        "KedaDefault", "KedaCustom", "KedaAccurate", "KedaEager");

    public static TheoryData<string> NeedBatch => new("Ready", "Fillactivated", "WeightedActivated", "MaxPending", "MinPending", "MaxToRun",
        "MaxPerFactory", "KeepNRunning", "KeepNQueueLife", "Throttle", "MinToSubmit", "KedaDefault", "KedaCustom", "KedaAccurate", "KedaEager");

    private static ISchedulerPlugin Plugin(string name) => Valid(name, Configured.GetValueOrDefault(name, []));

    // A busy queue whose figures would ask for pilots if they were trusted.
    private static SchedulerContext Busy => Fresh(ready: 80, pending: 2, running: 3) with { FactoryPending = 5, FactoryRunning = 5 };

    [Theory]
    [MemberData(nameof(NeedWms))]
    public void Without_wms_status_the_plugin_returns_zero(string name)
    {
        var plugin = Plugin(name);
        Assert.NotEqual(0, plugin.Out(Busy, 7));   // fresh figures let something through
        foreach (var (state, note) in new[] { (StatusState.Missing, StepNote.WmsMissing), (StatusState.Stale, StepNote.WmsStale) })
        {
            var context = Busy with { WmsState = state };
            var step = plugin.Step(context, 7);
            Assert.Equal(new SchedulerStep(0, note), step);
            Assert.EndsWith($"ret=0,note={StepNotes.Describe(note)}", plugin.Explain(context, 7, step));
        }
    }

    [Theory]
    [MemberData(nameof(NeedBatch))]
    public void Without_batch_status_the_plugin_returns_zero(string name)
    {
        var plugin = Plugin(name);
        Assert.NotEqual(0, plugin.Out(Busy, 7));
        foreach (var (state, note) in new[] { (StatusState.Missing, StepNote.BatchMissing), (StatusState.Stale, StepNote.BatchStale) })
        {
            var context = Busy with { BatchState = state };
            var step = plugin.Step(context, 7);
            Assert.Equal(new SchedulerStep(0, note), step);
            Assert.Equal($"{plugin.Name}:in=7,ret=0,note={StepNotes.Describe(note)}", plugin.Explain(context, 7, step));
        }
    }

    [Fact]
    public void Retirement_is_not_ordered_on_stale_batch_figures()
    {
        var plugin = Valid("KeepNRunning", ("sched.keepnrunning.keep_running", "0"));
        Assert.Equal(-5, plugin.Out(Busy, 0));
        Assert.Equal(0, plugin.Out(Busy with { BatchState = StatusState.Stale }, 0));
    }

    [Theory]
    [InlineData("Scale")]
    [InlineData("MaxPerCycle")]
    [InlineData("MinPerCycle")]
    [InlineData("MaxToSubmit")]
    public void Pure_arithmetic_plugins_do_not_look_at_status(string name)
    {
        var plugin = Valid(name, name == "MaxToSubmit" ? [("sched.maxtosubmit.maximum", "100")] : []);
        SchedulerContext nothingKnown = default;
        Assert.Equal(StepNote.None, plugin.Step(nothingKnown, 7).Note);
        Assert.Equal(7, plugin.Out(nothingKnown, 7));
    }
}
