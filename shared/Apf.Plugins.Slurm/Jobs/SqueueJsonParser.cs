using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Apf.Plugins.Slurm.Jobs;

/// <summary>
/// Reads <c>squeue --json</c> (and slurmrestd /jobs) for every data_parser version seen in the field:
/// v0.0.37/v0.0.38 print plain numbers and a job_state string; v0.0.39 wraps some numbers in
/// {set, infinite, number}; v0.0.40+ wrap times too, print job_state as a list of base state and flags,
/// and exit_code as {status, return_code, signal}. Every field is read in whichever shape it comes.
/// A forward-only reader that skips the ~100 fields per job Apf does not need: a busy cluster's
/// document is tens of megabytes, read every cycle.
/// </summary>
public static class SqueueJsonParser
{
    public static IReadOnlyList<SlurmJob> Parse(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static IReadOnlyList<SlurmJob> Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new FormatException("squeue --json output is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isJobs = reader.ValueTextEquals("jobs"u8);
            reader.Read();
            if (isJobs && reader.TokenType == JsonTokenType.StartArray) return ReadJobs(ref reader);
            reader.Skip();
        }
        throw new FormatException("squeue --json output has no 'jobs' list");
    }

    private static List<SlurmJob> ReadJobs(ref Utf8JsonReader reader)
    {
        var jobs = new List<SlurmJob>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var fields = ReadJob(ref reader);
            AddJob(fields, jobs);
        }
        return jobs;
    }

    private sealed class JobFields
    {
        public long? JobId, ArrayJobId, ArrayTaskId, Submit, Start, End, ExitCode;
        public string? Name, Reason, Comment, ArrayTasks;
        public IReadOnlyList<string> States = [];
    }

    private static JobFields ReadJob(ref Utf8JsonReader reader)
    {
        var job = new JobFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Property names are compared as UTF-8 bytes: no string per field of every job.
            var field = Field(ref reader);
            reader.Read();
            switch (field)
            {
                case JobField.JobId: job.JobId = Number(ref reader); break;
                case JobField.ArrayJobId: job.ArrayJobId = Number(ref reader); break;
                case JobField.ArrayTaskId: job.ArrayTaskId = Number(ref reader); break;
                case JobField.ArrayTasks: job.ArrayTasks = Text(ref reader); break;
                case JobField.Name: job.Name = Text(ref reader); break;
                case JobField.Comment: job.Comment = Text(ref reader); break;
                case JobField.Reason: job.Reason = Text(ref reader); break;
                case JobField.States: job.States = States(ref reader); break;
                case JobField.Submit: job.Submit = Number(ref reader); break;
                case JobField.Start: job.Start = Number(ref reader); break;
                case JobField.End: job.End = Number(ref reader); break;
                case JobField.ExitCode: job.ExitCode = Number(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        return job;
    }

    private enum JobField { Other, JobId, ArrayJobId, ArrayTaskId, ArrayTasks, Name, Comment, Reason, States, Submit, Start, End, ExitCode }

    private static JobField Field(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("job_id"u8)) return JobField.JobId;
        if (reader.ValueTextEquals("array_job_id"u8)) return JobField.ArrayJobId;
        if (reader.ValueTextEquals("array_task_id"u8)) return JobField.ArrayTaskId;
        if (reader.ValueTextEquals("array_task_string"u8)) return JobField.ArrayTasks;
        if (reader.ValueTextEquals("name"u8)) return JobField.Name;
        if (reader.ValueTextEquals("comment"u8)) return JobField.Comment;
        if (reader.ValueTextEquals("state_reason"u8)) return JobField.Reason;
        if (reader.ValueTextEquals("job_state"u8)) return JobField.States;
        if (reader.ValueTextEquals("submit_time"u8)) return JobField.Submit;
        if (reader.ValueTextEquals("start_time"u8)) return JobField.Start;
        if (reader.ValueTextEquals("end_time"u8)) return JobField.End;
        if (reader.ValueTextEquals("exit_code"u8)) return JobField.ExitCode;
        return JobField.Other;
    }

    private static void AddJob(JobFields fields, List<SlurmJob> into)
    {
        var jobId = fields.JobId ?? throw new FormatException("a job without job_id");
        var template = new SlurmJob
        {
            Id = jobId.ToString(CultureInfo.InvariantCulture),
            Name = fields.Name ?? "",
            States = fields.States,
            Reason = fields.Reason,
            Comment = fields.Comment,
            Submitted = Time(fields.Submit),
            Started = Time(fields.Start),
            Ended = Time(fields.End),
            ExitCode = (int?)fields.ExitCode,
        };
        // Running jobs carry a planned end (start + time limit) and pending ones an expected start: not facts yet.
        var phase = template.Phase;
        if (phase is PilotPhase.Running) template = template with { Ended = null };
        if (phase is PilotPhase.Pending) template = template with { Started = null, Ended = null };

        if (fields.ArrayJobId is not (> 0 and var arrayJob))
        {
            into.Add(template);
            return;
        }
        var arrayJobText = arrayJob.ToString(CultureInfo.InvariantCulture);
        if (fields.ArrayTaskId is { } task)
        {
            into.Add(template with { Id = $"{arrayJobText}_{task.ToString(CultureInfo.InvariantCulture)}" });
            return;
        }
        // The not-yet-split remainder of a pending array: one record, many pilots.
        if (string.IsNullOrEmpty(fields.ArrayTasks))
        {
            into.Add(template);
            return;
        }
        foreach (var index in SlurmJobId.ExpandTasks(fields.ArrayTasks))
            into.Add(template with { Id = $"{arrayJobText}_{index.ToString(CultureInfo.InvariantCulture)}" });
    }

    private static DateTimeOffset? Time(long? seconds) =>
        seconds is > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;

    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    private static IReadOnlyList<string> States(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return [reader.GetString()!];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }
        var states = new List<string>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) states.Add(reader.GetString()!);
            else reader.Skip();
        }
        return states;
    }

    /// <summary>
    /// A plain number; or {set, infinite, number} where unset or infinite means "no value"; or an exit code
    /// {status, return_code: {...}, signal} whose return code is the number.
    /// </summary>
    private static long? Number(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? n : (long)reader.GetDouble();
            case JsonTokenType.StartObject:
                bool set = true, infinite = false;
                long? number = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isSet = reader.ValueTextEquals("set"u8);
                    var isInfinite = !isSet && reader.ValueTextEquals("infinite"u8);
                    var isNumber = !isSet && !isInfinite && (reader.ValueTextEquals("number"u8) || reader.ValueTextEquals("return_code"u8));
                    reader.Read();
                    if (isSet) set = reader.TokenType != JsonTokenType.False;
                    else if (isInfinite) infinite = reader.TokenType == JsonTokenType.True;
                    else if (isNumber) number = Number(ref reader);
                    else reader.Skip();
                }
                return set && !infinite ? number : null;
            default:
                reader.Skip();
                return null;
        }
    }
}
