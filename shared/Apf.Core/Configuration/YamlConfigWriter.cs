using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Apf.Core.Configuration;

/// <summary>
/// Writes a factory configuration as the YAML <see cref="YamlConfigReader"/> reads: <c>factory:</c>,
/// <c>defaults:</c>, <c>queues:</c>, each key in APF's flat dotted form. Values are written
/// double-quoted so "025", "yes", "" or multi-line arguments come back exactly as they were.
/// </summary>
public static class YamlConfigWriter
{
    public static string Write(RawFactoryConfig config) =>
        Write(config.Factory, config.Defaults, config.Queues.Select(q => (q.Name, q.Own)));

    public static string Write(Settings factory, Settings defaults, IEnumerable<(string Name, Settings Own)> queues)
    {
        var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Section(emitter, "factory", factory);
        Section(emitter, "defaults", defaults);
        Key(emitter, "queues");
        emitter.Emit(new MappingStart());
        foreach (var (name, own) in queues) Section(emitter, name, own);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Section(IEmitter emitter, string name, Settings settings)
    {
        Key(emitter, name);
        // An empty section is written as {} so it reads back as an empty mapping, not as null.
        emitter.Emit(new MappingStart(null, null, isImplicit: true,
            settings.Values.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var (key, value) in settings.Values.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
        {
            Key(emitter, key);
            emitter.Emit(new Scalar(null, null, value.Value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        }
        emitter.Emit(new MappingEnd());
    }

    private static void Key(IEmitter emitter, string key) => emitter.Emit(new Scalar(key));
}
