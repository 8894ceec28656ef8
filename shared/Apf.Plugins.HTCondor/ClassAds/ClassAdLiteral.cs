namespace Apf.Plugins.HTCondor.ClassAds;

/// <summary>ClassAd string literals for constraints and submit attributes.</summary>
public static class ClassAdLiteral
{
    /// <summary>"text" with backslashes and quotes escaped, as ClassAd strings need.</summary>
    public static string Quote(string text)
    {
        if (text.Any(char.IsControl)) throw new ArgumentException("a ClassAd string for Apf may not hold control characters", nameof(text));
        return "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
