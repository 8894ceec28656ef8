namespace Apf.Simulation.Tests;

public class ChainBuilderTests
{
    [Fact]
    public void Builds_the_real_plugins_by_name_with_their_options()
    {
        var chain = Lab.Builder("sched.maxpending.maximum=7").Build("ready, MAXPENDING", "q0");
        Assert.Equal(["Ready", "MaxPending"], chain.Plugins.Select(p => p.Name));
        Assert.Equal(7, ((Apf.Scheduling.MaxPending)chain.Plugins[1]).Maximum);
    }

    [Fact]
    public void Chain_options_after_a_semicolon_override_the_shared_ones()
    {
        var builder = Lab.Builder("sched.maxpending.maximum=7");
        var chain = builder.Build("Ready,MaxPending;sched.maxpending.maximum=3", "q0");
        Assert.Equal(3, ((Apf.Scheduling.MaxPending)chain.Plugins[1]).Maximum);
        Assert.Equal(["Ready", "MaxPending"], ChainBuilder.Names("Ready,MaxPending;sched.maxpending.maximum=3"));
    }

    [Theory]
    [InlineData(0, 0, 1)]     // no work: only the MinPerCycle 1 anchor sends a pilot
    [InlineData(80, 50, 80)]  // a flood: ATLAS's defaults send at most 50 a cycle, the lab's shared cap 100
    public void The_two_APF_anchors_differ_only_by_their_ATLAS_defaults(int ready, int atlas, int everyCycle)
    {
        var builder = Lab.Builder();
        var context = new Apf.Core.Scheduling.SchedulerContext
        {
            WmsState = Apf.Core.Scheduling.StatusState.Fresh,
            BatchState = Apf.Core.Scheduling.StatusState.Fresh,
            Ready = ready,
        };
        Assert.Equal(atlas, builder.Build(SimulationDefaults.ApfAtlasChain, "q0").Decide(context).Result);
        Assert.Equal(everyCycle, builder.Build(SimulationDefaults.ApfChain, "q0").Decide(context).Result);
        Assert.Equal(ChainBuilder.Names(SimulationDefaults.ApfChain), ChainBuilder.Names(SimulationDefaults.ApfAtlasChain));
    }

    [Fact]
    public void Problems_name_the_plugin_or_the_key()
    {
        var builder = Lab.Builder("sched.maxpending.maximum=-1");
        var errors = builder.Check("Ready,NoSuchPlugin,MaxPending");
        Assert.Contains(errors, e => e.Key == "schedplugin" && e.Message.Contains("no Scheduler plugin named 'NoSuchPlugin'"));
        Assert.Contains(errors, e => e.Key == "sched.maxpending.maximum" && e.Message.Contains("must not be negative"));
        Assert.Throws<ArgumentException>(() => builder.Build("Ready,MaxPending", "q0"));
    }

    [Fact]
    public void Simulation_options_report_bad_values_by_key()
    {
        var errors = new List<Apf.Core.Configuration.ConfigError>();
        var settings = Simulation.SettingsFrom(["sim.batch.delay=gamma:3", "sim.batch.slots=0", "apfqueue.sleep=soon"]);
        SimulationOptions.Read(new Apf.Core.Configuration.SettingsReader(settings, null, errors), 1);
        Assert.Equal(["apfqueue.sleep", "sim.batch.delay", "sim.batch.slots"], errors.Select(e => e.Key!).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("unknown distribution 'gamma'"));
    }
}
