using Apf.Core.Configuration;

namespace Apf.Core.Tests;

public class YamlConfigTests
{
    [Fact]
    public void Nested_and_dotted_keys_flatten_to_the_same_apf_key()
    {
        var raw = YamlConfigReader.Read("""
            factory:
              factoryId: f1
            defaults:
              sched:
                maxpending:
                  maximum: 25
            queues:
              q1:
                sched.maxpending.maximum: 7
              q2: {}
            """, "test.yaml");

        Assert.Empty(raw.Errors);
        Assert.Equal("25", raw.Defaults["sched.maxpending.maximum"]);
        var q1 = raw.Defaults.OverriddenBy(raw.Queues[0].Own);
        var q2 = raw.Defaults.OverriddenBy(raw.Queues[1].Own);
        Assert.Equal("7", q1["sched.maxpending.maximum"]);
        Assert.Equal("25", q2["sched.maxpending.maximum"]);
    }

    [Fact]
    public void Broken_yaml_names_the_file_and_line()
    {
        var raw = YamlConfigReader.Read("factory:\n  factoryId: [unclosed\n", "broken.yaml");
        var error = Assert.Single(raw.Errors);
        Assert.StartsWith("broken.yaml:", error.ToString());
    }
}

public class YamlLineTests
{
    [Fact]
    public void Lines_are_counted_from_one_like_editors_do()
    {
        var raw = YamlConfigReader.Read("factory:\n  factoryId: f1\nqueues:\n  q1:\n    apfqueue.sleep: 5\n", "f.yaml");
        Assert.Equal(2, raw.Factory.Find("factoryId")!.Line);
        Assert.Equal(5, raw.Queues[0].Own.Find("apfqueue.sleep")!.Line);
        Assert.Equal(4, raw.Queues[0].Line);
    }
}
