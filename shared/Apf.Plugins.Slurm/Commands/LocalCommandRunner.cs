using CliWrap;
using CliWrap.Buffered;

namespace Apf.Plugins.Slurm.Commands;

/// <summary>Runs commands as local processes with argument lists (CliWrap), never through a shell.</summary>
public sealed class LocalCommandRunner(
    IReadOnlyDictionary<string, string> environment,
    TimeSpan timeout,
    TimeProvider? timeProvider = null) : ICommandRunner
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public string Where => "local";

    public async Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
    {
        var cli = Cli.Wrap(command.Program)
            .WithArguments(command.Arguments)
            .WithEnvironmentVariables(environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value))
            .WithValidation(CommandResultValidation.None);
        if (command.StandardInput is { } input) cli = cli.WithStandardInputPipe(PipeSource.FromString(input));

        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var result = await cli.ExecuteBufferedAsync(linked.Token).ConfigureAwait(false);
            return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"'{command.Program}' did not finish within {timeout.TotalSeconds} s and was stopped");
        }
    }

    public void Dispose()
    {
    }
}
