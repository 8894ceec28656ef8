namespace Apf.Core.Configuration;

/// <summary>
/// Reads APF's own INI files: queues.conf (a [DEFAULT] section every queue inherits, then one section
/// per queue) and optionally factory.conf (its [Factory] section). Apf kept APF's key names, so keys
/// pass through unchanged except for the few mappings listed in <see cref="IniKeyMapping"/>;
/// <c>%(key)s</c> references are expanded per queue, as APF's ConfigParser did.
/// </summary>
public static class IniConfigReader
{
    public const string FactorySection = "Factory";

    public static RawFactoryConfig ReadFiles(string queuesPath, string? factoryPath = null)
    {
        var errors = new List<ConfigError>();
        var queues = ReadText(queuesPath, errors);
        var factory = factoryPath is null ? null : ReadText(factoryPath, errors);
        var raw = Read(queues ?? "", queuesPath, factory, factoryPath);
        return errors.Count == 0 ? raw : raw with { Errors = [.. errors, .. raw.Errors] };
    }

    public static RawFactoryConfig Read(string queuesText, string queuesSource, string? factoryText = null, string? factorySource = null)
    {
        var errors = new List<ConfigError>();
        var factory = factoryText is null
            ? Settings.Empty
            : ReadFactory(IniDocument.Parse(factoryText, factorySource ?? "factory.conf"), errors);

        var document = IniDocument.Parse(queuesText, queuesSource);
        errors.AddRange(document.Errors);
        var defaultSection = document.Find(IniDocument.DefaultSection);
        var defaults = ReadDefaults(document, defaultSection, factory);
        var queues = new List<RawQueue>();
        foreach (var section in document.Sections.Where(s => s.Name != IniDocument.DefaultSection))
        {
            if (queues.Any(q => string.Equals(q.Name, section.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ConfigError(queuesSource, section.Name, null, "queue defined twice (names are case-insensitive)", section.Line));
                continue;
            }
            queues.Add(ReadQueue(document.Source, section, defaultSection, defaults, errors));
        }
        return new RawFactoryConfig(queuesSource, factory, defaults, queues, errors);
    }

    private static Settings ReadFactory(IniDocument document, List<ConfigError> errors)
    {
        errors.AddRange(document.Errors);
        foreach (var other in document.Sections.Where(s => s.Name is not (FactorySection or IniDocument.DefaultSection)))
            errors.Add(new ConfigError(document.Source, null, null,
                $"section [{other.Name}] is not read by Apf: factory.conf holds only [{FactorySection}] (queues belong in queues.conf)", other.Line));
        var section = document.Find(FactorySection);
        if (section is null)
        {
            errors.Add(new ConfigError(document.Source, null, null, $"no [{FactorySection}] section"));
            return Settings.Empty;
        }
        var fallback = document.Find(IniDocument.DefaultSection);
        var values = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        var origin = Origin(document.Source, FactorySection);
        foreach (var entry in Merge(section, fallback))
        {
            var value = IniInterpolation.Expand(entry.Value, k => Lookup(k, section, fallback), out var error);
            if (value is null)
            {
                errors.Add(new ConfigError(document.Source, null, entry.Key, error!, entry.Line));
                continue;
            }
            if (IsNone(value)) continue;
            values[entry.Key] = new SettingValue(value, origin, entry.Line);
        }
        IniKeyMapping.MapFactory(values);
        return new Settings(values);
    }

    private static Settings ReadDefaults(IniDocument document, IniSection? section, Settings factory)
    {
        var values = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        if (section is not null)
        {
            var origin = Origin(document.Source, IniDocument.DefaultSection);
            foreach (var entry in section.Entries)
            {
                // A default that quotes a per-queue key (%(wmsqueue)s) cannot be expanded here; it
                // stays as written and each queue gets its own expansion.
                var value = IniInterpolation.Expand(entry.Value, k => Lookup(k, section, null), out _) ?? entry.Value;
                if (IsNone(value)) continue;
                values[entry.Key] = new SettingValue(value, origin, entry.Line);
            }
        }
        IniKeyMapping.MapQueue(values);
        IniKeyMapping.InheritFromFactory(values, factory);
        return new Settings(values);
    }

    private static RawQueue ReadQueue(string source, IniSection section, IniSection? defaultSection, Settings defaults, List<ConfigError> errors)
    {
        var own = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Merge(section, defaultSection))
        {
            var inherited = section.Find(entry.Key) is null;
            var value = IniInterpolation.Expand(entry.Value, k => Lookup(k, section, defaultSection), out var error);
            if (value is null)
            {
                var where = inherited ? $"{error} (value inherited from [{IniDocument.DefaultSection}])" : error!;
                errors.Add(new ConfigError(source, section.Name, entry.Key, where, entry.Line));
                continue;
            }
            if (!inherited)
            {
                if (IsNone(value) && !defaults.Contains(entry.Key)) continue;
                own[entry.Key] = new SettingValue(value, Origin(source, section.Name), entry.Line);
            }
            else if (defaults[entry.Key] is { } shared && shared != value)
            {
                // The default quotes a key this queue sets: the queue gets its own expanded copy.
                own[entry.Key] = new SettingValue(value,
                    $"{Origin(source, IniDocument.DefaultSection)} expanded for [{section.Name}]", entry.Line);
            }
        }
        IniKeyMapping.MapQueue(own);
        return new RawQueue(section.Name, new Settings(own), section.Line);
    }

    /// <summary>The section's entries, then the [DEFAULT] entries it does not override.</summary>
    private static IEnumerable<IniEntry> Merge(IniSection section, IniSection? fallback) =>
        section.Entries.Concat(fallback?.Entries.Where(e => section.Find(e.Key) is null) ?? []);

    private static string? Lookup(string key, IniSection section, IniSection? fallback) =>
        (section.Find(key) ?? fallback?.Find(key))?.Value;

    /// <summary>APF reads the word None as "not set".</summary>
    private static bool IsNone(string value) => value == "None";

    internal static string Origin(string source, string section) => $"{source} [{section}]";

    private static string? ReadText(string path, List<ConfigError> errors)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(path, null, null, $"cannot read the file: {e.Message}"));
            return null;
        }
    }
}
