using Apf.Core.Plugins;

namespace Apf.Scheduling;

public static class SchedulerPlugins
{
    /// <summary>Registers every scheduler plugin under its APF name (KEDA strategies as Keda&lt;Strategy&gt;).</summary>
    public static PluginCatalog AddSchedulerPlugins(this PluginCatalog catalog) => catalog
        .AddScheduler(Ready.PluginName, Ready.Create)
        .AddScheduler(Fillactivated.PluginName, Fillactivated.Create)
        .AddScheduler(WeightedActivated.PluginName, WeightedActivated.Create)
        .AddScheduler(Fixed.PluginName, Fixed.Create)
        .AddScheduler(Scale.PluginName, Scale.Create)
        .AddScheduler(MaxPerCycle.PluginName, MaxPerCycle.Create)
        .AddScheduler(MinPerCycle.PluginName, MinPerCycle.Create)
        .AddScheduler(MaxPending.PluginName, MaxPending.Create)
        .AddScheduler(MinPending.PluginName, MinPending.Create)
        .AddScheduler(MaxToRun.PluginName, MaxToRun.Create)
        .AddScheduler(MaxPerFactory.PluginName, MaxPerFactory.Create)
        .AddScheduler(KeepNRunning.PluginName, KeepNRunning.Create)
        .AddScheduler(KeepNQueueLife.PluginName, KeepNQueueLife.Create)
        .AddScheduler(StatusOffline.PluginName, StatusOffline.Create)
        .AddScheduler(StatusTest.PluginName, StatusTest.Create)
        .AddScheduler(Throttle.PluginName, Throttle.Create)
        .AddScheduler(MaxToSubmit.PluginName, MaxToSubmit.Create)
        .AddScheduler(MinToSubmit.PluginName, MinToSubmit.Create)
        .AddScheduler(Null.PluginName, Null.Create)
        .AddScheduler(KedaDefault.PluginName, KedaDefault.Create)
        .AddScheduler(KedaCustom.PluginName, KedaCustom.Create)
        .AddScheduler(KedaAccurate.PluginName, KedaAccurate.Create)
        .AddScheduler(KedaEager.PluginName, KedaEager.Create);
}
