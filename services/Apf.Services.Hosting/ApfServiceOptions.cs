using System.ComponentModel.DataAnnotations;

namespace Apf.Services.Hosting;

/// <summary>Section "Apf": where a service finds the factory configuration.</summary>
public sealed class ApfServiceOptions : IValidatableObject
{
    public const string Section = "Apf";

    /// <summary>
    /// The factory's YAML file (Apf:ConfigFile). Required until the configuration service is available;
    /// it will be the alternative source (see <see cref="ConfigSource"/>).
    /// </summary>
    public string? ConfigFile { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConfigFile))
            yield return new ValidationResult($"{Section}:ConfigFile must name the factory's YAML file", [nameof(ConfigFile)]);
        else if (!File.Exists(ConfigFile))
            yield return new ValidationResult($"{Section}:ConfigFile '{ConfigFile}' does not exist", [nameof(ConfigFile)]);
    }
}
