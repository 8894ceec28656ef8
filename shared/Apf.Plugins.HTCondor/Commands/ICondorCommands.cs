namespace Apf.Plugins.HTCondor.Commands;

/// <summary>Runs an HTCondor tool with an argument list (never a shell line) and returns what it printed.</summary>
public interface ICondorCommands
{
    Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}

public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>An HTCondor tool failed or timed out. The message names the tool and its error output.</summary>
public sealed class CondorCommandException(string message, Exception? inner = null) : Exception(message, inner);
