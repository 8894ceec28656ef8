using Apf.Core.Plugins;

namespace Apf.Scheduling.Tests;

/// <summary>Bad options are reported against the queue and the key at fault, never thrown.</summary>
public class OptionValidationTests
{
    [Theory]
    [InlineData("MaxPending", "sched.maxpending.maximum", "-1")]
    [InlineData("MaxPerCycle", "sched.maxpercycle.maximum", "-5")]
    [InlineData("MinPerCycle", "sched.minpercycle.minimum", "-5")]
    [InlineData("MinPending", "sched.minpending.minimum", "-2")]
    [InlineData("MaxToRun", "sched.maxtorun.maximum", "-100")]
    [InlineData("MaxPerFactory", "sched.maxperfactory.maximum", "-1")]
    [InlineData("MaxToSubmit", "sched.maxtosubmit.maximum", "-1")]
    [InlineData("MinToSubmit", "sched.mintosubmit.minimum", "-1")]
    [InlineData("KeepNRunning", "sched.keepnrunning.keep_running", "-3")]
    [InlineData("KeepNQueueLife", "sched.keepnqueuelife.njobs", "-3")]
    [InlineData("Fixed", "sched.fixed.pilotspercycle", "-3")]
    [InlineData("Ready", "sched.ready.offset", "-3")]
    [InlineData("Fillactivated", "sched.fillactivated.default", "-3")]
    [InlineData("StatusOffline", "sched.statusoffline.pilots", "-1")]
    [InlineData("StatusTest", "sched.statustest.pilots", "-1")]
    [InlineData("Throttle", "sched.throttle.submit", "-1")]
    [InlineData("KedaEager", "sched.kedaeager.maxreplicacount", "-1")]
    [InlineData("KedaDefault", "sched.kedadefault.minreplicacount", "-1")]
    public void A_negative_count_is_an_error_naming_the_key(string plugin, string key, string value)
    {
        var built = PluginBuilder.Build(plugin, 500, (key, value));
        var error = Assert.Single(built.Errors);
        Assert.Equal(key, error.Key);
        Assert.Equal("ANALY_TEST", error.Queue);
        Assert.Contains("must not be negative", error.Message);
        Assert.Equal($"queues.conf:10: queue 'ANALY_TEST': key '{key}': must not be negative, got {value}", error.ToString());
    }

    [Theory]
    [InlineData("MaxPending", "sched.maxpending.maximum", "lots", "expected a whole number")]
    [InlineData("Scale", "sched.scale.factor", "-0.5", "not below 0")]
    [InlineData("Scale", "sched.scale.factor", "fast", "expected a number")]
    [InlineData("WeightedActivated", "sched.weightedactivated.pending", "-1", "not below 0")]
    [InlineData("Throttle", "sched.throttle.ratio", "1.5", "between 0 and 1")]
    [InlineData("MaxPending", "sched.maxpending.allow_negative", "maybe", "expected true or false")]
    [InlineData("KedaAccurate", "sched.kedaaccurate.targetaveragevalue", "0", "above 0")]
    [InlineData("KedaCustom", "sched.kedacustom.customscalingrunningjobpercentage", "-1", "not below 0")]
    public void A_malformed_value_is_an_error_naming_the_key(string plugin, string key, string value, string message)
    {
        var error = Assert.Single(PluginBuilder.Build(plugin, (key, value)).Errors, e => e.Key == key);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("MaxPending", "sched.maxpending.maximum")]
    [InlineData("MinPending", "sched.minpending.minimum")]
    [InlineData("MaxToRun", "sched.maxtorun.maximum")]
    [InlineData("MaxToSubmit", "sched.maxtosubmit.maximum")]
    [InlineData("MinToSubmit", "sched.mintosubmit.minimum")]
    [InlineData("MaxPerFactory", "sched.maxperfactory.maximum")]   // and no factory cap either
    public void A_plugin_that_cannot_work_without_its_key_asks_for_it(string plugin, string key)
    {
        var error = Assert.Single(PluginBuilder.Build(plugin).Errors);
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void Min_replica_count_above_max_is_an_error()
    {
        var error = Assert.Single(PluginBuilder.Build("KedaEager",
            ("sched.kedaeager.maxreplicacount", "10"), ("sched.kedaeager.minreplicacount", "11")).Errors);
        Assert.Equal("sched.kedaeager.minreplicacount", error.Key);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var built = PluginBuilder.Build("KedaCustom",
            ("sched.kedacustom.targetaveragevalue", "-1"),
            ("sched.kedacustom.maxreplicacount", "-1"),
            ("sched.kedacustom.customscalingqueuelengthdeduction", "x"));
        Assert.Equal(3, built.Errors.Count);
    }

    [Fact]
    public void The_catalog_knows_every_plugin_by_its_APF_name_in_any_case()
    {
        string[] names = ["Ready", "Fillactivated", "WeightedActivated", "Fixed", "Scale", "MaxPerCycle", "MinPerCycle", "MaxPending",
            "MinPending", "MaxToRun", "MaxPerFactory", "KeepNRunning", "KeepNQueueLife", "StatusOffline", "StatusTest", "Throttle",
            "MaxToSubmit", "MinToSubmit", "Null", "KedaDefault", "KedaCustom", "KedaAccurate", "KedaEager"];
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), PluginBuilder.Catalog.Names(PluginKind.Scheduler));
        foreach (var name in names)
        {
            Assert.True(PluginBuilder.Catalog.Knows(PluginKind.Scheduler, name.ToLowerInvariant()));
            var plugin = PluginBuilder.Build(name.ToUpperInvariant(), 100, ("sched." + name.ToLowerInvariant() + ".maximum", "1"),
                ("sched." + name.ToLowerInvariant() + ".minimum", "1")).Plugin;
            Assert.Equal(name, plugin.Name);
        }
    }
}
