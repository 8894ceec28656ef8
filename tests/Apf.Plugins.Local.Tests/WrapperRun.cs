using System.Diagnostics;
using System.Text.Json;
using Apf.Contracts;
using Apf.Plugins.Local.Pilot;

namespace Apf.Plugins.Local.Tests;

/// <summary>Runs the real pilot wrapper as a child process.</summary>
internal sealed class WrapperRun : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task<string> _stdout;

    private WrapperRun(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string PilotDir { get; private init; } = "";
    public int Pid => _process.Id;

    public static WrapperRun Start(string pilotDir, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(pilotDir)!,
        };
        info.ArgumentList.Add(PilotWrapper.DefaultPath);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("APF", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        info.Environment["APF_PILOT_DIR"] = pilotDir;
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return new WrapperRun(Process.Start(info)!) { PilotDir = pilotDir };
    }

    public async Task<(int ExitCode, string Stderr)> WaitAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cts.Token);
        return (_process.ExitCode, await _stderr.WaitAsync(cts.Token) + await _stdout.WaitAsync(cts.Token));
    }

    public IReadOnlyList<PilotEvent> Events() => ReadEvents(PilotDir);

    public static IReadOnlyList<PilotEvent> ReadEvents(string pilotDir)
    {
        var file = Path.Combine(pilotDir, "events.jsonl");
        return File.Exists(file)
            ? File.ReadAllLines(file).Select(l => JsonSerializer.Deserialize<PilotEvent>(l, JsonSerializerOptions.Web)!).ToList()
            : [];
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
