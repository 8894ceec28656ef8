using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Apf.Core.Configuration;

/// <summary>
/// Reads Apf's YAML factory file: <c>factory:</c>, <c>defaults:</c> and <c>queues:</c>. Nested maps are
/// flattened into APF's dotted keys, so <c>sched: {maxpending: {maximum: 25}}</c> and
/// <c>sched.maxpending.maximum: 25</c> mean the same; lists become APF's comma-separated values.
/// </summary>
public static class YamlConfigReader
{
    private static readonly string[] Sections = ["factory", "defaults", "queues"];

    public static RawFactoryConfig ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot read the file: {e.Message}");
        }
        return Read(text, path);
    }

    public static RawFactoryConfig Read(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return Failed(source, $"not valid YAML: {e.InnerException?.Message ?? e.Message}", (int)e.Start.Line);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return Failed(source, "expected a mapping with the sections factory, defaults and queues");

        var errors = new List<ConfigError>();
        Settings factory = Settings.Empty, defaults = Settings.Empty;
        var queues = new List<RawQueue>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var section = ((YamlScalarNode)keyNode).Value ?? "";
            switch (section.ToLowerInvariant())
            {
                case "factory":
                    factory = Flatten(valueNode, source, "factory", errors);
                    break;
                case "defaults":
                    defaults = Flatten(valueNode, source, "defaults", errors);
                    break;
                case "queues":
                    ReadQueues(valueNode, source, queues, errors);
                    break;
                default:
                    errors.Add(new ConfigError(source, null, section,
                        $"unknown section; expected one of {string.Join(", ", Sections)}", Line(keyNode)));
                    break;
            }
        }
        return new RawFactoryConfig(source, factory, defaults, queues, errors);
    }

    private static void ReadQueues(YamlNode node, string source, List<RawQueue> queues, List<ConfigError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(new ConfigError(source, null, "queues", "expected a mapping of queue name to its settings", Line(node)));
            return;
        }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            if (queues.Any(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ConfigError(source, name, null, "queue defined twice", Line(keyNode)));
                continue;
            }
            var own = valueNode is YamlScalarNode { Value: null or "" }
                ? Settings.Empty
                : Flatten(valueNode, source, $"queue {name}", errors);
            queues.Add(new RawQueue(name, own, Line(keyNode)));
        }
    }

    private static Settings Flatten(YamlNode node, string source, string section, List<ConfigError> errors)
    {
        var values = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        if (node is YamlScalarNode { Value: null or "" }) return Settings.Empty;
        if (node is not YamlMappingNode map)
        {
            errors.Add(new ConfigError(source, null, section, "expected a mapping of keys to values", Line(node)));
            return Settings.Empty;
        }
        Walk(map, "", source, section, values, errors);
        return new Settings(values);
    }

    private static void Walk(YamlMappingNode map, string prefix, string source, string section,
        Dictionary<string, SettingValue> values, List<ConfigError> errors)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = prefix + (((YamlScalarNode)keyNode).Value ?? "");

            switch (valueNode)
            {
                case YamlMappingNode child:
                    Walk(child, key + ".", source, section, values, errors);
                    break;
                case YamlSequenceNode list:
                    var items = list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "");
                    values[key] = new SettingValue(string.Join(", ", items), source, Line(keyNode), section);
                    break;
                case YamlScalarNode scalar:
                    if (values.ContainsKey(key))
                        errors.Add(new ConfigError(source, null, key, "set twice in the same section", Line(keyNode)));
                    values[key] = new SettingValue(scalar.Value ?? "", source, Line(keyNode), section);
                    break;
            }
        }
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static RawFactoryConfig Failed(string source, string message, int? line = null) =>
        new(source, Settings.Empty, Settings.Empty, [], [new ConfigError(source, null, null, message, line)]);

}
