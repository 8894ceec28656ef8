using System.Globalization;
using Apf.Plugins.Slurm.Commands;
using Apf.Plugins.Slurm.Jobs;

namespace Apf.Plugins.Slurm;

/// <summary>
/// Slurm's commands as Apf uses them: list jobs (squeue --json, or the plain format), submit an array
/// (sbatch), cancel pending jobs (scancel), look up jobs that left squeue (scontrol, then sacct).
/// A command that fails throws: a missing status must never read as "no pilots".
/// </summary>
public sealed class SlurmClient(ICommandRunner runner, SqueueFormat format = SqueueFormat.Auto) : IDisposable
{
    private volatile bool _jsonBroken = format == SqueueFormat.Text;

    public ICommandRunner Runner => runner;

    /// <summary>True once squeue --json failed and the plain format is used instead.</summary>
    public bool UsesTextFormat => _jsonBroken;

    /// <summary>
    /// Every job squeue knows, including those finished within MinJobAge. <paramref name="name"/> is passed
    /// to squeue (honoured with --json from 23.11 on, always in the plain format) but callers must still
    /// filter: Slurm up to 23.02 ignores filters with --json.
    /// </summary>
    public async Task<IReadOnlyList<SlurmJob>> ListAsync(string? name, CancellationToken cancellationToken)
    {
        if (!_jsonBroken)
        {
            var arguments = new List<string> { "--json", "--states=all" };
            if (name is not null) arguments.Add("--name=" + name);
            var result = await runner.RunAsync(new CommandLine("squeue", arguments), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) return SqueueJsonParser.Parse(result.Output);
            if (format == SqueueFormat.Json) throw Failure("squeue --json", result);
            _jsonBroken = true;
        }
        var text = new List<string> { "-h", "--states=all", "-o", SqueueTextParser.Format };
        if (name is not null) text.Add("--name=" + name);
        var plain = await runner.RunAsync(new CommandLine("squeue", text), cancellationToken).ConfigureAwait(false);
        if (!plain.Succeeded) throw Failure("squeue", plain);
        return SqueueTextParser.Parse(plain.Output);
    }

    /// <summary>Submits one job array and returns its job id.</summary>
    public async Task<long> SubmitAsync(CommandLine sbatch, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(sbatch, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw Failure("sbatch", result);
        return Submit.SbatchCommand.ParseJobId(result.Output);
    }

    /// <summary>
    /// Holds pending jobs so they cannot start; jobs that already started are left alone (scontrol reports
    /// them as "no longer pending", which is not a failure here).
    /// </summary>
    public async Task HoldAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await runner.RunAsync(new CommandLine("scontrol", ["hold", .. ids]), cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await runner.RunAsync(new CommandLine("scontrol", ["release", .. ids]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels jobs. scancel exits non-zero when some ids are already gone; callers check what happened.</summary>
    public async Task<CommandResult> CancelAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new CommandResult(0, "", "");
        return await runner.RunAsync(new CommandLine("scancel", [.. ids]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A job that left squeue: scontrol still knows it for a while (MinJobAge); after that only sacct does,
    /// when accounting is on. Null when neither knows it.
    /// </summary>
    public async Task<SlurmJob?> LookUpAsync(string id, bool useSacct, CancellationToken cancellationToken)
    {
        var shown = await runner.RunAsync(new CommandLine("scontrol", ["show", "job", "-o", id]), cancellationToken).ConfigureAwait(false);
        if (shown.Succeeded && ScontrolParser.Parse(shown.Output).FirstOrDefault(j => j.Id == id) is { } job) return job;
        if (!useSacct) return null;
        var sacct = await runner.RunAsync(new CommandLine("sacct", ["-n", "-X", "-P", "-j", id, "-o", SacctParser.Format]), cancellationToken).ConfigureAwait(false);
        return sacct.Succeeded ? SacctParser.Parse(sacct.Output).FirstOrDefault(j => j.Id == id) : null;
    }

    private Exception Failure(string what, CommandResult result) =>
        new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"{what} failed ({runner.Where}, exit {result.ExitCode}): {Trim(result.Error)}"));

    private static string Trim(string text) => text.Length > 500 ? text[..500] + "..." : text.Trim();

    public void Dispose() => runner.Dispose();
}
