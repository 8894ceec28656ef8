using CliWrap;
using CliWrap.Buffered;

namespace Apf.Plugins.HTCondor.Commands;

/// <summary>Runs the HTCondor tools as child processes (CliWrap, argument lists only).</summary>
public sealed class ProcessCondorCommands : ICondorCommands
{
    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token)
                .ConfigureAwait(false);
            return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CondorCommandException($"{Path.GetFileName(program)} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CondorCommandException($"{program} could not be started: {e.Message}", e);
        }
    }
}
