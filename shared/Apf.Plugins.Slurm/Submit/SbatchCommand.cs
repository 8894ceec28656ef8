using System.Globalization;
using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;

namespace Apf.Plugins.Slurm.Submit;

/// <summary>
/// Builds the sbatch argument list for one job array of pilots. Every value is its own argument
/// ("--partition=x; rm -rf /" stays one harmless word that sbatch rejects as an unknown partition).
/// </summary>
public static class SbatchCommand
{
    public static CommandLine For(PilotRequest request, SbatchOptions options, int count)
    {
        var output = (options.OutputDirectory ?? request.LogDirectory).TrimEnd('/');
        var arguments = new List<string>
        {
            "--parsable",
            "--job-name=" + request.Label,
            string.Create(CultureInfo.InvariantCulture, $"--array=0-{count - 1}"),
            "--output=" + output + "/%A_%a.out",
            "--error=" + output + "/%A_%a.err",
        };
        if ((options.Partition ?? request.BatchQueue) is { Length: > 0 } partition) arguments.Add("--partition=" + partition);
        if (options.Account is { } account) arguments.Add("--account=" + account);
        if (options.TimeLimit is { } limit) arguments.Add("--time=" + limit);
        arguments.AddRange(options.ExtraOptions);
        return new CommandLine("sbatch", arguments, BatchScript.For(request));
    }

    /// <summary>The ids of the array's pilots, as scancel and scontrol take them.</summary>
    public static IEnumerable<string> TaskIds(long jobId, int count) =>
        Enumerable.Range(0, count).Select(task => string.Create(CultureInfo.InvariantCulture, $"{jobId}_{task}"));

    /// <summary>sbatch --parsable prints "jobid" or "jobid;cluster".</summary>
    public static long ParseJobId(string output)
    {
        var first = output.Trim().Split('\n')[0].Split(';')[0].Trim();
        return long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FormatException($"sbatch --parsable printed '{output.Trim()}', not a job id");
    }
}
