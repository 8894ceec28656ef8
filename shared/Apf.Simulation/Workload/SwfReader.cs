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

    /// <summary>
    /// Reads a trace file, plain or gzip-compressed (the archive serves its logs as <c>.swf.gz</c>); the
    /// compression is told by the file's first bytes, not its name. A damaged or cut-off gzip file is an
    /// <see cref="IOException"/> naming the file.
    /// </summary>
    public static IReadOnlyList<SwfRecord> ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(GzipTrace.IsGzip(file) ? GzipTrace.Open(file, name) : file);
        return Read(reader, name);
    }

    /// <summary>Fields (0-based) that <see cref="SwfRecord"/> keeps: job, submit, wait, run, processors, requested time, status, queue, partition.</summary>
    private static bool Used(int field) => field is 0 or 1 or 2 or 3 or 4 or 8 or 10 or 14 or 15;

    public static IReadOnlyList<SwfRecord> Read(TextReader reader, string source)
    {
        var records = new List<SwfRecord>();
        var number = 0;
        Span<double> fields = stackalloc double[FieldCount];
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
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out fields[count]) || !double.IsFinite(fields[count]))
                    throw new SwfFormatException(source, number, $"field {count + 1} is not a number: '{token}'");
                // Averages (CPU time, memory) may have decimals in archive logs; the fields used here may not.
                if (Used(count) && (fields[count] != Math.Floor(fields[count]) || Math.Abs(fields[count]) > 1e15))
                    throw new SwfFormatException(source, number, $"field {count + 1} is not a whole number: '{token}'");
                count++;
            }
            if (count != FieldCount) throw new SwfFormatException(source, number, $"expected {FieldCount} fields, found {count}");
            if (fields[1] < -1) throw new SwfFormatException(source, number, $"field 2 (submit time) is negative: {fields[1]}");
            records.Add(new SwfRecord((long)fields[0], (long)fields[1], (long)fields[2], (long)fields[3], (long)fields[4], (long)fields[8], (long)fields[10], (long)fields[14], (long)fields[15]));
        }
        return records;
    }
}
