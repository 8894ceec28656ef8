using System.Globalization;
using System.Text.Json;

namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// Reads <c>squeue --json</c> (and slurmrestd /jobs) for every data_parser version seen in the field:
/// v0.0.37/v0.0.38 print plain numbers and a job_state string; v0.0.39 wraps some numbers in
/// {set, infinite, number}; v0.0.40+ wrap times too and print job_state as a list of base state and flags,
/// and exit_code as {status, return_code, signal}. Every field is read in whichever shape it comes.
/// </summary>
public static class SqueueJsonParser
{
    public static IReadOnlyList<SlurmJob> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document);
    }

    public static async Task<IReadOnlyList<SlurmJob>> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Read(document);
    }

    private static List<SlurmJob> Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
            throw new FormatException("squeue --json output has no 'jobs' list");
        var result = new List<SlurmJob>(jobs.GetArrayLength());
        foreach (var job in jobs.EnumerateArray()) AddJob(job, result);
        return result;
    }

    private static void AddJob(JsonElement job, List<SlurmJob> into)
    {
        var jobId = Number(job, "job_id") ?? throw new FormatException("a job without job_id");
        var template = new SlurmJob
        {
            Id = jobId.ToString(CultureInfo.InvariantCulture),
            Name = Text(job, "name") ?? "",
            States = States(job),
            Reason = Text(job, "state_reason"),
            Comment = Text(job, "comment"),
            Submitted = Time(job, "submit_time"),
            Started = Time(job, "start_time"),
            Ended = Time(job, "end_time"),
            ExitCode = ExitCode(job),
        };
        // Running jobs carry a planned end (start + time limit) and pending ones an expected start: not facts yet.
        if (template.Phase is PilotPhase.Running) template = template with { Ended = null };
        if (template.Phase is PilotPhase.Pending) template = template with { Started = null, Ended = null };

        var arrayJob = Number(job, "array_job_id") ?? 0;
        if (arrayJob <= 0)
        {
            into.Add(template);
            return;
        }
        var arrayJobText = arrayJob.ToString(CultureInfo.InvariantCulture);
        if (Number(job, "array_task_id") is { } task)
        {
            into.Add(template with { Id = $"{arrayJobText}_{task.ToString(CultureInfo.InvariantCulture)}" });
            return;
        }
        // The not-yet-split remainder of a pending array: one record, many pilots.
        var tasks = Text(job, "array_task_string");
        if (string.IsNullOrEmpty(tasks))
        {
            into.Add(template);
            return;
        }
        foreach (var index in SlurmJobId.ExpandTasks(tasks))
            into.Add(template with { Id = $"{arrayJobText}_{index.ToString(CultureInfo.InvariantCulture)}" });
    }

    private static IReadOnlyList<string> States(JsonElement job)
    {
        if (!job.TryGetProperty("job_state", out var state)) return [];
        return state.ValueKind switch
        {
            JsonValueKind.String => [state.GetString()!],
            JsonValueKind.Array => state.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList(),
            _ => [],
        };
    }

    private static int? ExitCode(JsonElement job)
    {
        if (!job.TryGetProperty("exit_code", out var exit)) return null;
        if (exit.ValueKind == JsonValueKind.Object && exit.TryGetProperty("return_code", out var code))
            return (int?)NumberOf(code);
        return (int?)NumberOf(exit);
    }

    private static DateTimeOffset? Time(JsonElement job, string name) =>
        Number(job, name) is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static string? Text(JsonElement job, string name) =>
        job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement job, string name) =>
        job.TryGetProperty(name, out var value) ? NumberOf(value) : null;

    /// <summary>A plain number, or {set, infinite, number} where unset or infinite means "no value".</summary>
    internal static long? NumberOf(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetInt64(out var n) ? n : (long)value.GetDouble();
            case JsonValueKind.Object:
                if (value.TryGetProperty("set", out var set) && set.ValueKind == JsonValueKind.False) return null;
                if (value.TryGetProperty("infinite", out var infinite) && infinite.ValueKind == JsonValueKind.True) return null;
                return value.TryGetProperty("number", out var number) ? NumberOf(number) : null;
            default:
                return null;
        }
    }
}
