namespace Apf.Plugins.Slurm.Jobs;

/// <summary>Reads <c>sacct -n -X -P -o JobID,JobName,State,Submit,Start,End,ExitCode</c> (fields separated by '|').</summary>
public static class SacctParser
{
    public const string Format = "JobID,JobName,State,Submit,Start,End,ExitCode";

    public static IReadOnlyList<SlurmJob> Parse(string text)
    {
        var jobs = new List<SlurmJob>();
        foreach (var raw in text.Split('\n'))
        {
            var fields = raw.TrimEnd('\r').Split('|');
            if (fields.Length < 7 || fields[0].Length == 0) continue;
            jobs.Add(new SlurmJob
            {
                Id = fields[0],
                Name = fields[1],
                States = [SlurmStates.Normalize(fields[2])],
                Submitted = SqueueTextParser.Time(fields[3]),
                Started = SqueueTextParser.Time(fields[4]),
                Ended = SqueueTextParser.Time(fields[5]),
                ExitCode = int.TryParse(fields[6].Split(':')[0], out var code) ? code : null,
            });
        }
        return jobs;
    }
}
