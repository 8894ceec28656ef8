using System.Globalization;

namespace Apf.Simulation.Workload;

/// <summary>
/// Reads Standard Workload Format traces: comment lines start with ';', blank lines are skipped, every
/// other line must hold exactly 18 whole numbers. A malformed line stops the read with its line number
/// (a silently dropped line would change the workload without anyone noticing).
/// </summary>
public static class SwfReader
{
    public const int FieldCount = 18;

    public static IReadOnlyList<SwfRecord> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<SwfRecord> Read(TextReader reader, string source)
    {
        var records = new List<SwfRecord>();
        var number = 0;
        Span<long> fields = stackalloc long[FieldCount];
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] == ';') continue;
            var count = 0;
            foreach (var range in text.SplitAny(' ', '\t'))
            {
                var token = text[range];
                if (token.IsEmpty) continue;
                if (count == FieldCount) throw new SwfFormatException(source, number, $"more than {FieldCount} fields");
                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out fields[count]))
                {
                    // Some archive logs write whole numbers as "12.0"; anything else is an error.
                    if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != Math.Floor(d) || Math.Abs(d) > long.MaxValue / 2.0)
                        throw new SwfFormatException(source, number, $"field {count + 1} is not a whole number: '{token}'");
                    fields[count] = (long)d;
                }
                count++;
            }
            if (count != FieldCount) throw new SwfFormatException(source, number, $"expected {FieldCount} fields, found {count}");
            if (fields[1] < -1) throw new SwfFormatException(source, number, $"field 2 (submit time) is negative: {fields[1]}");
            records.Add(new SwfRecord(fields[0], fields[1], fields[2], fields[3], fields[4], fields[8], fields[10], fields[14], fields[15]));
        }
        return records;
    }
}
