namespace Apf.Core.Configuration;

/// <summary>
/// A factory configuration as read from a file or store, before validation: factory keys, the
/// defaults every queue inherits, and each queue's own keys.
/// </summary>
public sealed record RawFactoryConfig(
    string Source,
    Settings Factory,
    Settings Defaults,
    IReadOnlyList<RawQueue> Queues,
    IReadOnlyList<ConfigError> Errors);

/// <summary>One queue's own keys, before the defaults are applied.</summary>
public sealed record RawQueue(string Name, Settings Own, int? Line = null);
