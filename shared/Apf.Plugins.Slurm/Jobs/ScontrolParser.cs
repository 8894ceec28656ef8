using System.Globalization;

namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// Reads <c>scontrol show job -o</c> (one job per line) and the multi-line form (jobs separated by blank
/// lines), plus the same Key=Value records of a jobcomp/filetxt log. Values may hold '=' (comments do);
/// a word without '=' continues the previous value (a comment with spaces).
/// </summary>
public static class ScontrolParser
{
    public static IReadOnlyList<SlurmJob> Parse(string text)
    {
        var jobs = new List<SlurmJob>();
        foreach (var record in Records(text))
        {
            var fields = Fields(record);
            if (!fields.TryGetValue("JobId", out var jobId)) continue;
            var id = fields.TryGetValue("ArrayJobId", out var arrayJob) && fields.TryGetValue("ArrayTaskId", out var task)
                ? $"{arrayJob}_{(task.Contains('-') || task.Contains(',') ? "[" + task + "]" : task)}"
                : jobId;
            var job = new SlurmJob
            {
                Id = id,
                Name = fields.GetValueOrDefault("JobName") ?? fields.GetValueOrDefault("Name") ?? "",
                States = fields.TryGetValue("JobState", out var state) ? [SlurmStates.Normalize(state)] : [],
                Reason = fields.GetValueOrDefault("Reason"),
                Comment = fields.GetValueOrDefault("Comment") is { Length: > 0 } c && c != "(null)" ? c : null,
                Submitted = SqueueTextParser.Time(fields.GetValueOrDefault("SubmitTime")),
                Started = SqueueTextParser.Time(fields.GetValueOrDefault("StartTime")),
                Ended = SqueueTextParser.Time(fields.GetValueOrDefault("EndTime")),
                ExitCode = ExitCode(fields.GetValueOrDefault("ExitCode")),
            };
            if (job.Phase is PilotPhase.Running) job = job with { Ended = null };
            if (job.Phase is PilotPhase.Pending) job = job with { Started = null, Ended = null };
            foreach (var expanded in SlurmJobId.Expand(job.Id)) jobs.Add(job with { Id = expanded });
        }
        return jobs;
    }

    private static IEnumerable<string> Records(string text)
    {
        var current = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var startsJob = line.TrimStart().StartsWith("JobId=", StringComparison.Ordinal);
            if ((line.Trim().Length == 0 || startsJob) && current.Count > 0)
            {
                yield return string.Join(' ', current);
                current.Clear();
            }
            if (line.Trim().Length > 0) current.Add(line.Trim());
        }
        if (current.Count > 0) yield return string.Join(' ', current);
    }

    private static Dictionary<string, string> Fields(string record)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var word in record.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=');
            if (equals > 0)
            {
                last = word[..equals];
                fields[last] = word[(equals + 1)..];
            }
            else if (last is not null)
            {
                fields[last] += " " + word;
            }
        }
        return fields;
    }

    /// <summary>"1:0" (exit code 1, no signal) → 1.</summary>
    private static int? ExitCode(string? text)
    {
        var code = text?.Split(':')[0];
        return int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
