namespace Apf.Plugins.Slurm.Commands;

/// <summary>A program with its argument list (never a shell string) and optional text for its standard input.</summary>
public sealed record CommandLine(string Program, IReadOnlyList<string> Arguments, string? StandardInput = null)
{
    /// <summary>For error messages only: standard input (which may carry pilot secrets) is never included.</summary>
    public override string ToString() => string.Join(' ', Arguments.Prepend(Program).Select(ShellQuote.Quote));
}

/// <summary>What a finished command returned.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}
