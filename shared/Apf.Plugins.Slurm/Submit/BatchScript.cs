using System.Text;
using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Commands;

namespace Apf.Plugins.Slurm.Submit;

/// <summary>
/// The batch script handed to sbatch on standard input: it exports the pilot's environment and execs the
/// wrapper with its arguments. Going through standard input keeps the environment (which may carry
/// tokens) off every command line, locally and over SSH, where <c>ps</c> would show it.
/// </summary>
public static class BatchScript
{
    public static string For(PilotRequest request)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append("# Apf pilot ").Append(request.Label).Append('\n');
        foreach (var (name, value) in request.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            EnvironmentName.Validate(name);
            script.Append("export ").Append(name).Append('=').Append(ShellQuote.Quote(value)).Append('\n');
        }
        script.Append("exec ").Append(ShellQuote.Quote(request.Executable));
        foreach (var argument in request.Arguments) script.Append(' ').Append(ShellQuote.Quote(argument));
        return script.Append('\n').ToString();
    }
}
