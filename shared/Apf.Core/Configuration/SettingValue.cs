namespace Apf.Core.Configuration;

/// <summary>
/// A configuration value and where it came from, so operators can trace it: the file (or store),
/// the line, and the section (defaults, a queue, [DEFAULT]...).
/// </summary>
public sealed record SettingValue(string Value, string Origin, int? Line = null, string? Section = null)
{
    /// <summary>"factory.yaml:12 (defaults)".</summary>
    public string Where => $"{Origin}{(Line is { } l ? $":{l}" : "")}{(Section is null ? "" : $" ({Section})")}";
}
