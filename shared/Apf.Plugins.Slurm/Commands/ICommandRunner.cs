namespace Apf.Plugins.Slurm.Commands;

/// <summary>
/// Runs Slurm's commands somewhere: on this host (<see cref="LocalCommandRunner"/>) or on a submit host
/// reached over SSH (<see cref="SshCommandRunner"/>). A command that outlives the runner's timeout is
/// stopped and reported as a <see cref="TimeoutException"/>.
/// </summary>
public interface ICommandRunner : IDisposable
{
    /// <summary>Where commands run, for messages ("local", "ssh user@host:22").</summary>
    string Where { get; }

    Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken);
}
