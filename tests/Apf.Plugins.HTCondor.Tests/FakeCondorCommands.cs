using Apf.Plugins.HTCondor.Commands;

namespace Apf.Plugins.HTCondor.Tests;

/// <summary>Stands in for the HTCondor tools: records each call and answers with a prepared output per tool.</summary>
internal sealed class FakeCondorCommands : ICondorCommands
{
    private readonly Dictionary<string, Queue<CommandResult>> _answers = new();

    public List<(string Tool, IReadOnlyList<string> Arguments)> Calls { get; } = [];

    /// <summary>Copies of submit files as they were when condor_submit was called.</summary>
    public List<string> SubmitFiles { get; } = [];

    public FakeCondorCommands Answer(string tool, string stdout, int exitCode = 0, string stderr = "")
    {
        if (!_answers.TryGetValue(tool, out var queue)) _answers[tool] = queue = new Queue<CommandResult>();
        queue.Enqueue(new CommandResult(exitCode, stdout, stderr));
        return this;
    }

    public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var tool = Path.GetFileName(program);
        Calls.Add((tool, arguments.ToList()));
        if (tool == "condor_submit") SubmitFiles.Add(File.ReadAllText(arguments[^1]));
        if (!_answers.TryGetValue(tool, out var queue) || queue.Count == 0)
            throw new InvalidOperationException($"no answer prepared for {tool}");
        return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
    }
}
