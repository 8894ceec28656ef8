using Apf.Config.Store;
using Apf.Core.Configuration;
using Apf.Core.Plugins;

namespace Apf.Config.Editing;

/// <summary>What validation found: errors reject a change, warnings (unknown keys) do not.</summary>
public sealed record ValidationReport(IReadOnlyList<ConfigError> Errors, IReadOnlyList<ConfigError> Warnings, FactoryConfig Config)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a configuration exactly as the factory will: with <see cref="FactoryConfigBuilder"/> and the
/// plugin catalog, so a change the service accepts is one the factory can run.
/// </summary>
public sealed class ConfigValidator(PluginCatalog catalog, IServiceProvider services)
{
    public const string Source = "config-service";

    public ValidationReport Validate(StoredFactory state, IReadOnlyCollection<string>? concerned = null) =>
        Validate(ToRaw(state), concerned);

    /// <summary>
    /// Factory errors always count; queue errors only for <paramref name="concerned"/> queues (null: all),
    /// so a queue broken by a plugin removed since does not block edits of the others.
    /// </summary>
    public ValidationReport Validate(RawFactoryConfig raw, IReadOnlyCollection<string>? concerned = null)
    {
        var config = new FactoryConfigBuilder(catalog, services).Build(raw, 0);
        bool Concerns(string? queue) => concerned is null || queue is null || concerned.Contains(queue, StringComparer.OrdinalIgnoreCase);
        var errors = config.Errors
            .Concat(config.InvalidQueues.Where(q => Concerns(q.Name)).SelectMany(q => q.Errors))
            .ToList();
        var warnings = config.Warnings.Where(w => Concerns(w.Queue)).ToList();
        return new ValidationReport(errors, warnings, config);
    }

    /// <summary>The stored configuration in the form the factory reads; origins say which part a key came from.</summary>
    public static RawFactoryConfig ToRaw(StoredFactory state) => new(
        Source,
        ToSettings(state.Factory, "factory"),
        ToSettings(state.Defaults, "defaults"),
        state.Queues.Select(q => new RawQueue(q.Name, ToSettings(q.Settings, $"queue {q.Name}"))).ToList(),
        []);

    public static Settings ToSettings(IReadOnlyDictionary<string, string> values, string part) =>
        new(values.Select(kv => new KeyValuePair<string, SettingValue>(kv.Key, new SettingValue(kv.Value, $"{Source} ({part})"))));

    public static IReadOnlyDictionary<string, string> ToKeys(Settings settings) =>
        Keys.From(settings.Values.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.Value)));
}
