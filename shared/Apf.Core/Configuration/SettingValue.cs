namespace Apf.Core.Configuration;

/// <summary>A configuration value and where it came from (file, line, section), so operators can trace it.</summary>
public sealed record SettingValue(string Value, string Origin, int? Line = null);
