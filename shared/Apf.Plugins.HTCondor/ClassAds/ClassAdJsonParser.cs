using System.Text.Json;

namespace Apf.Plugins.HTCondor.ClassAds;

/// <summary>
/// Reads the output of <c>condor_q -json</c> and <c>condor_history -json</c>: an array of objects,
/// one per ad. Expressions are strings of the form "/Expr(...)/" (printed "\/Expr(...)\/"); undefined
/// is null. An empty queue prints nothing at all on some versions and "[]" on others: both mean no ads.
/// </summary>
public static class ClassAdJsonParser
{
    private const string ExprPrefix = "/Expr(";
    private const string ExprSuffix = ")/";

    public static IReadOnlyList<ClassAd> Parse(string output)
    {
        if (string.IsNullOrWhiteSpace(output)) return [];
        using var document = JsonDocument.Parse(output, new JsonDocumentOptions { AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new FormatException($"HTCondor JSON output must be an array of ads, got {document.RootElement.ValueKind}");
        var ads = new List<ClassAd>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new FormatException($"HTCondor JSON output holds a {element.ValueKind} where an ad was expected");
            var ad = new ClassAd();
            foreach (var property in element.EnumerateObject()) ad[property.Name] = Value(property.Value);
            ads.Add(ad);
        }
        return ads;
    }

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
        JsonValueKind.String => StringOrExpression(value.GetString()!),
        // Lists and nested ads are rare in job ads; keep their JSON text as an expression.
        _ => new ClassAdExpression(value.GetRawText()),
    };

    private static object StringOrExpression(string text) =>
        text.StartsWith(ExprPrefix, StringComparison.Ordinal) && text.EndsWith(ExprSuffix, StringComparison.Ordinal)
            ? new ClassAdExpression(text[ExprPrefix.Length..^ExprSuffix.Length])
            : text;
}
