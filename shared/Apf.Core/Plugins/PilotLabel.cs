using System.Text.RegularExpressions;

namespace Apf.Core.Plugins;

/// <summary>
/// The label every pilot carries in its batch system (job name, comment, ClassAd or process folder):
/// factory, queue and the submit command's id. It is how batch status groups pilots per queue and how
/// a redelivered command finds the pilots it already created.
/// </summary>
public sealed partial record PilotLabel(string Factory, string Queue, Guid CommandId)
{
    public const string Prefix = "apf";

    /// <summary>"apf.&lt;factory&gt;.&lt;queue&gt;.&lt;command id as 32 hex digits&gt;".</summary>
    public override string ToString() => $"{Prefix}.{Factory}.{Queue}.{CommandId:N}";

    public string QueuePrefix => QueuePrefixOf(Factory, Queue);

    public static string QueuePrefixOf(string factory, string queue) => $"{Prefix}.{factory}.{queue}.";

    public static bool TryParse(string? text, out PilotLabel label)
    {
        label = null!;
        if (text is null) return false;
        var match = LabelPattern().Match(text);
        if (!match.Success || !Guid.TryParseExact(match.Groups["id"].Value, "N", out var id)) return false;
        label = new PilotLabel(match.Groups["factory"].Value, match.Groups["queue"].Value, id);
        return true;
    }

    // Factory and queue names are validated to [A-Za-z0-9_-] so the dots stay unambiguous.
    [GeneratedRegex(@"^apf\.(?<factory>[A-Za-z0-9_-]+)\.(?<queue>[A-Za-z0-9_-]+)\.(?<id>[0-9a-f]{32})$")]
    private static partial Regex LabelPattern();
}
