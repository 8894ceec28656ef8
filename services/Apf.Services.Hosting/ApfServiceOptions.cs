using System.ComponentModel.DataAnnotations;

namespace Apf.Services.Hosting;

/// <summary>Section "Apf": where a service finds the factory configuration.</summary>
public sealed class ApfServiceOptions : IValidatableObject
{
    public const string Section = "Apf";

    /// <summary>The factory's YAML file (Apf:ConfigFile), reloaded when it changes.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Or the config service (Apf:ConfigService:Url and its other keys, see docs/config-live.md).</summary>
    public ConfigServiceAddress? ConfigService { get; set; }

    public bool UsesConfigService => !string.IsNullOrWhiteSpace(ConfigService?.Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesConfigService) yield break;
        if (string.IsNullOrWhiteSpace(ConfigFile))
            yield return new ValidationResult($"{Section}:ConfigFile must name the factory's YAML file (or set {Section}:ConfigService:Url)", [nameof(ConfigFile)]);
        else if (!File.Exists(ConfigFile))
            yield return new ValidationResult($"{Section}:ConfigFile '{ConfigFile}' does not exist", [nameof(ConfigFile)]);
    }
}

/// <summary>Only what start-up validation needs; the provider reads the whole section itself.</summary>
public sealed class ConfigServiceAddress
{
    public string? Url { get; set; }
}
