using System.Globalization;

namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// Reads squeue's plain output (<c>squeue -h -o '%i|%t|%T|%r|%V|%S|%e|%j|%k'</c>), which every Slurm
/// version prints the same way: the fallback when <c>--json</c> is missing or broken. The columns are
/// given as squeue's field letters in order; the last column takes the rest of the line, so it should
/// be the free-text comment (%k).
/// </summary>
public static class SqueueTextParser
{
    /// <summary>The columns Apf asks for.</summary>
    public const string Format = "%i|%t|%T|%r|%V|%S|%e|%j|%k";

    public static IReadOnlyList<string> ColumnsOf(string format) =>
        format.Split('|').Select(c => c.TrimStart('%')).ToList();

    public static IReadOnlyList<SlurmJob> Parse(string text, string format = Format)
    {
        var columns = ColumnsOf(format);
        var jobs = new List<SlurmJob>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            var fields = line.Split('|', columns.Count);
            if (fields.Length != columns.Count)
                throw new FormatException($"squeue line has {fields.Length} fields, expected {columns.Count}: '{line}'");
            var value = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++) value[columns[i]] = fields[i];

            var state = value.GetValueOrDefault("T") ?? value.GetValueOrDefault("t") ?? "";
            var job = new SlurmJob
            {
                Id = value.GetValueOrDefault("i") ?? throw new FormatException("squeue format lacks %i"),
                Name = value.GetValueOrDefault("j") ?? "",
                States = [SlurmStates.Normalize(state)],
                Reason = Null(value.GetValueOrDefault("r")),
                Comment = Null(value.GetValueOrDefault("k")),
                Submitted = Time(value.GetValueOrDefault("V")),
                Started = Time(value.GetValueOrDefault("S")),
                Ended = Time(value.GetValueOrDefault("e")),
            };
            if (job.Phase is PilotPhase.Running) job = job with { Ended = null };
            if (job.Phase is PilotPhase.Pending) job = job with { Started = null, Ended = null };
            foreach (var id in SlurmJobId.Expand(job.Id)) jobs.Add(job with { Id = id });
        }
        return jobs;
    }

    private static string? Null(string? text) => text is null or "(null)" or "" ? null : text;

    /// <summary>Slurm prints local times of the Slurm host without a zone ("2026-11-24T15:55:52"), or N/A, Unknown, None.</summary>
    internal static DateTimeOffset? Time(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time)
            ? new DateTimeOffset(time)
            : null;
}
