using Apf.Core.Configuration;

namespace Apf.Config.Tests;

public class YamlRoundTripTests
{
    private static Dictionary<string, string> Plain(Settings s) =>
        s.Values.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.OrdinalIgnoreCase);

    private static void AssertSameContent(RawFactoryConfig expected, RawFactoryConfig actual)
    {
        Assert.Equal(Plain(expected.Factory), Plain(actual.Factory));
        Assert.Equal(Plain(expected.Defaults), Plain(actual.Defaults));
        Assert.Equal(expected.Queues.Select(q => q.Name), actual.Queues.Select(q => q.Name));
        foreach (var (e, a) in expected.Queues.Zip(actual.Queues))
            Assert.Equal(Plain(e.Own), Plain(a.Own));
    }

    [Fact]
    public void The_apf_example_survives_a_round_trip_through_yaml()
    {
        var fromIni = IniConfigReader.ReadFiles(ApfConfigs.Queues, ApfConfigs.Factory);
        var yaml = YamlConfigWriter.Write(fromIni);
        var back = YamlConfigReader.Read(yaml, "exported.yaml");

        Assert.Empty(back.Errors);
        AssertSameContent(fromIni, back);
        // Writing what was read back gives the same text: the output is stable.
        Assert.Equal(yaml, YamlConfigWriter.Write(back));
    }

    [Theory]
    [InlineData("025")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("line one\nline two")]
    [InlineData("  leading and trailing  ")]
    [InlineData("quote \" and backslash \\ and tab \t")]
    [InlineData("[not, a, list]")]
    [InlineData("{not: a map}")]
    [InlineData("ünïcödé ✓")]
    public void Any_value_reads_back_exactly(string value)
    {
        var settings = new Settings([new("batchsubmit.slurm.options", new SettingValue(value, "test"))]);
        var raw = new RawFactoryConfig("test", Settings.Empty, settings, [new RawQueue("q1", settings), new RawQueue("empty", Settings.Empty)], []);

        var back = YamlConfigReader.Read(YamlConfigWriter.Write(raw), "test.yaml");

        Assert.Empty(back.Errors);
        AssertSameContent(raw, back);
    }

    [Fact]
    public void Keys_that_yaml_would_misread_are_quoted()
    {
        var settings = new Settings([
            new("true", new SettingValue("1", "test")),
            new("key: with colon", new SettingValue("2", "test")),
            new("sched.maxpending.maximum", new SettingValue("3", "test")),
        ]);
        var raw = new RawFactoryConfig("test", settings, Settings.Empty, [], []);

        var back = YamlConfigReader.Read(YamlConfigWriter.Write(raw), "test.yaml");

        Assert.Empty(back.Errors);
        AssertSameContent(raw, back);
    }
}
