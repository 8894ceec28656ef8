using Apf.Config.Editing;
using Apf.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Apf.Config.Tests;

public class IniConfigReaderTests
{
    private static RawFactoryConfig ReadExample() => IniConfigReader.ReadFiles(ApfConfigs.Queues, ApfConfigs.Factory);

    private static Settings Effective(RawFactoryConfig raw, string queue) =>
        raw.Defaults.OverriddenBy(raw.Queues.Single(q => q.Name == queue).Own);

    [Fact]
    public void Reads_the_queues_in_file_order_with_default_inheritance_and_overrides()
    {
        var raw = ReadExample();

        Assert.Empty(raw.Errors);
        Assert.Equal(["ANALY_EXAMPLE_SHORT-ce01", "EXAMPLE_PROD-ce02", "EXAMPLE_TEST-ce03"], raw.Queues.Select(q => q.Name));
        Assert.Equal("25", Effective(raw, "ANALY_EXAMPLE_SHORT-ce01")["sched.maxpending.maximum"]);
        Assert.Equal("50", Effective(raw, "EXAMPLE_PROD-ce02")["sched.maxpending.maximum"]);
        Assert.Equal("Ready, MaxPerCycle, MaxPending", Effective(raw, "ANALY_EXAMPLE_SHORT-ce01")["schedplugin"]);
        Assert.Equal("Ready, MinPerCycle, MaxPerCycle, MaxPending", Effective(raw, "EXAMPLE_PROD-ce02")["schedplugin"]);
        Assert.Equal("False", Effective(raw, "EXAMPLE_TEST-ce03")["enabled"]);
        Assert.Equal("request_memory = 1699, +AccountingGroup = \"group_analy.apf\"",
            Effective(raw, "ANALY_EXAMPLE_SHORT-ce01")["batchsubmit.condorlocal.condor_attributes"]);
    }

    [Fact]
    public void Expands_references_per_queue_and_joins_continuation_lines()
    {
        var raw = ReadExample();

        Assert.Equal(
            "--wrappergrid=OSG --wrapperwmsqueue=ANALY_EXAMPLE_SHORT --wrapperbatchqueue=ANALY_EXAMPLE_SHORT-condor --wrappervo=ATLAS --wrapperloglevel=debug --script=pilot.py\n--pilotsrcurl=http://panda.example.org:25880/cache --user user",
            Effective(raw, "ANALY_EXAMPLE_SHORT-ce01")["executable.arguments"]);
        Assert.Equal(
            "--wrappergrid=OSG --wrapperwmsqueue=EXAMPLE_TEST --wrapperbatchqueue=EXAMPLE_TEST-condor --wrappervo=ATLAS --wrapperloglevel=debug -j false",
            Effective(raw, "EXAMPLE_TEST-ce03")["executable.arguments"]);
        // The arguments split into one argument per word, the continuation line included.
        Assert.Contains("--pilotsrcurl=http://panda.example.org:25880/cache",
            ArgumentSplitter.Split(Effective(raw, "ANALY_EXAMPLE_SHORT-ce01")["executable.arguments"]!));
        Assert.Equal("/home/autopyfactory/factory/logs", raw.Factory["baseLogDir"]);
    }

    [Fact]
    public void Origins_name_the_file_the_section_and_the_line()
    {
        var raw = ReadExample();
        var own = raw.Queues.Single(q => q.Name == "ANALY_EXAMPLE_SHORT-ce01").Own.Find("sched.maxpending.maximum")!;
        var inherited = raw.Defaults.Find("sched.maxpercycle.maximum")!;
        var expanded = raw.Queues.Single(q => q.Name == "EXAMPLE_PROD-ce02").Own.Find("executable.defaultarguments")!;
        var lines = File.ReadAllLines(ApfConfigs.Queues);

        Assert.Equal($"{ApfConfigs.Queues} [ANALY_EXAMPLE_SHORT-ce01]", own.Origin);
        Assert.StartsWith("sched.maxpending.maximum = 25", lines[own.Line!.Value - 1]);
        Assert.Equal($"{ApfConfigs.Queues} [DEFAULT]", inherited.Origin);
        Assert.StartsWith("sched.maxpercycle.maximum = 20", lines[inherited.Line!.Value - 1]);
        Assert.Contains("[DEFAULT] expanded for [EXAMPLE_PROD-ce02]", expanded.Origin);
    }

    [Fact]
    public void Maps_the_apf_keys_whose_name_differs_in_apf()
    {
        var raw = ReadExample();

        // Shortest of wmsstatus.panda.sleep (150) and wmsstatus.condor.sleep (120).
        Assert.Equal("120", raw.Factory["wmsstatus.sleep"]);
        Assert.Equal("60", raw.Factory["batchstatus.sleep"]);
        // APF 2's cleanlogs.maxdays is APF 3's cleanlogs.keepdays.
        Assert.Equal("3", Effective(raw, "EXAMPLE_TEST-ce03")["cleanlogs.keepdays"]);
        Assert.False(Effective(raw, "EXAMPLE_TEST-ce03").Contains("cleanlogs.maxdays"));
        // [DEFAULT] sets its own keepdays (7), which wins over the factory's 14.
        Assert.Equal("7", raw.Defaults["cleanlogs.keepdays"]);
        // "None" is APF's "not set".
        Assert.False(raw.Defaults.Contains("batchsubmit.condorlocal.proxy"));
        Assert.False(raw.Factory.Contains("queueDirConf"));
    }

    [Fact]
    public void The_factory_keeps_every_queue_of_the_example_after_validation()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var report = new ConfigValidator(TestPlugins.Catalog(), services).Validate(ReadExample());

        Assert.Empty(report.Errors);
        Assert.Equal("EXAMPLE-apf01-admin", report.Config.Factory.FactoryId);
        Assert.Equal(500, report.Config.Factory.MaxPerFactory);
        Assert.Equal(TimeSpan.FromSeconds(120), report.Config.Factory.WmsStatusInterval);
        Assert.Equal(["ANALY_EXAMPLE_SHORT-ce01", "EXAMPLE_PROD-ce02"], report.Config.EnabledQueues.Select(q => q.Name));
        var test = report.Config.Queues.Single(q => q.Name == "EXAMPLE_TEST-ce03");
        Assert.False(test.Options.Enabled);
        Assert.Equal(3, test.Options.CleanLogsKeepDays);
        Assert.Equal("ANALY_EXAMPLE_SHORT", report.Config.Queues[0].Options.WmsQueue);
        // Keys Apf does not read are reported, not silently dropped.
        Assert.Contains(report.Warnings, w => w.Key == "executable.defaultarguments");
    }

    [Fact]
    public void Reports_every_problem_with_file_line_queue_and_key()
    {
        const string queues = """
            [DEFAULT]
            schedplugin = Ready
            arguments = -s %(wmsqueue)s

            [q1]
            this line has no separator
            sched.ready.offset = 1
            sched.ready.offset = 2

            [q2]
            wmsqueue = Q2
            note = 100%% sure, %(missing)s
            """;
        var raw = IniConfigReader.Read(queues, "queues.conf", "[Factory]\nfactoryId = f\n[Pilots]\nexecutable = x\n", "factory.conf");
        var errors = raw.Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("factory.conf:3: section [Pilots] is not read by Apf: factory.conf holds only [Factory] (queues belong in queues.conf)", errors);
        Assert.Contains("queues.conf:6: queue 'q1': expected 'key = value', got 'this line has no separator'", errors);
        Assert.Contains("queues.conf:8: queue 'q1': key 'sched.ready.offset': set twice in section [q1]", errors);
        Assert.Contains("queues.conf:3: queue 'q1': key 'arguments': refers to '%(wmsqueue)s' but 'wmsqueue' is not set in this section or [DEFAULT] (value inherited from [DEFAULT])", errors);
        Assert.Contains("queues.conf:12: queue 'q2': key 'note': refers to '%(missing)s' but 'missing' is not set in this section or [DEFAULT]", errors);
        Assert.Equal(5, errors.Count);
        Assert.Equal("-s Q2", raw.Defaults.OverriddenBy(raw.Queues[1].Own)["arguments"]);
    }

    [Theory]
    [InlineData("100%% sure", "100% sure")]
    [InlineData("%(a)s-%(b)s", "A-B")]
    [InlineData("no references", "no references")]
    public void Expands_like_python_configparser(string value, string expected)
    {
        var keys = new Dictionary<string, string> { ["a"] = "A", ["b"] = "%(a2)s", ["a2"] = "B" };
        Assert.Equal(expected, IniInterpolation.Expand(value, k => keys.GetValueOrDefault(k), out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_key_that_refers_to_itself_is_an_error_not_a_hang()
    {
        Assert.Null(IniInterpolation.Expand("%(loop)s", _ => "%(loop)s", out var error));
        Assert.Contains("deeper than 10", error);
    }

    [Fact]
    public void A_lone_percent_sign_is_an_error_as_in_apf()
    {
        Assert.Null(IniInterpolation.Expand("50% of it", _ => null, out var error));
        Assert.Contains("'%' must be followed by", error);
    }
}
