namespace Apf.Simulation.Workload;

/// <summary>A line of an SWF trace that cannot be read; the message names the file and line.</summary>
public sealed class SwfFormatException(string source, int line, string problem)
    : FormatException($"{source}:{line}: {problem}")
{
    public string TraceName => source;
    public int Line => line;
    public string Problem => problem;
}
