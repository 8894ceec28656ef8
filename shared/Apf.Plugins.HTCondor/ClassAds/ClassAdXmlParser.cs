using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Apf.Plugins.HTCondor.ClassAds;

/// <summary>
/// Reads <c>-xml</c> output (condor_q -long -xml, condor_status -xml): &lt;classads&gt; holding one
/// &lt;c&gt; per ad, each attribute an &lt;a n="Name"&gt; with one typed child: i (integer), r (real),
/// s (string), b v="t|f" (boolean), e (expression), un (undefined).
/// </summary>
public static class ClassAdXmlParser
{
    public static IReadOnlyList<ClassAd> Parse(string output)
    {
        if (string.IsNullOrWhiteSpace(output)) return [];
        // The output names "classads.dtd", which is never shipped next to it: ignore the DTD.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(output), settings);
        var document = XDocument.Load(reader);
        return document.Root is null
            ? []
            : document.Root.Elements("c").Select(ParseAd).ToList();
    }

    private static ClassAd ParseAd(XElement c)
    {
        var ad = new ClassAd();
        foreach (var a in c.Elements("a"))
        {
            var name = (string?)a.Attribute("n");
            if (string.IsNullOrEmpty(name)) continue;
            ad[name] = Value(a.Elements().FirstOrDefault());
        }
        return ad;
    }

    private static object? Value(XElement? value)
    {
        if (value is null) return null;
        var text = value.Value.Trim();
        return value.Name.LocalName switch
        {
            "i" => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
            "r" => ParseReal(text),
            "s" => value.Value,
            "b" => (string?)value.Attribute("v") is "t" or "true",
            "e" => new ClassAdExpression(value.Value),
            "un" => null,
            var other => new ClassAdExpression($"<{other}>{value.Value}"),
        };
    }

    private static double ParseReal(string text) =>
        text.ToLowerInvariant() switch
        {
            "inf" or "+inf" or "real(\"inf\")" => double.PositiveInfinity,
            "-inf" or "real(\"-inf\")" => double.NegativeInfinity,
            "nan" or "real(\"nan\")" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
}
