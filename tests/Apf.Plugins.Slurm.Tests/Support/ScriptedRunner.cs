using Apf.Plugins.Slurm.Commands;

namespace Apf.Plugins.Slurm.Tests.Support;

/// <summary>A command runner that answers from a script and records every command it was given.</summary>
internal sealed class ScriptedRunner : ICommandRunner
{
    private readonly List<Func<CommandLine, CommandResult?>> _answers = [];

    public List<CommandLine> Commands { get; } = [];
    public string Where => "scripted";

    public ScriptedRunner On(string program, Func<CommandLine, CommandResult?> answer)
    {
        _answers.Add(c => c.Program == program ? answer(c) : null);
        return this;
    }

    public ScriptedRunner On(string program, string output) => On(program, _ => new CommandResult(0, output, ""));

    public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        // Later answers win, so a test can change what squeue says between reads.
        for (var i = _answers.Count - 1; i >= 0; i--)
            if (_answers[i](command) is { } result) return Task.FromResult(result);
        return Task.FromResult(new CommandResult(1, "", $"{command.Program}: not scripted"));
    }

    public void Dispose()
    {
    }
}
