using System.Diagnostics;
using System.Text;

namespace Apf.EndToEnd.Tests;

/// <summary>
/// The apf command as a user runs it: a separate process on a factory file in a temporary folder,
/// with a directory queue of real jobs and real local pilots.
/// </summary>
public sealed class EmbeddedFactoryRun : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("apf-e2e-").FullName;
    public string FactoryId { get; } = "e2e" + Guid.NewGuid().ToString("N")[..8];
    public string ConfigFile => Path.Combine(Root, "factory.yaml");
    public string JobsRoot => Path.Combine(Root, "jobs");
    public string RunsLog => Path.Combine(Root, "runs.log");

    public void WriteConfig(int maxPerCycle = 3, int maxPending = 2, int maxToRun = 4)
    {
        File.WriteAllText(ConfigFile, $"""
            factory:
              factoryId: {FactoryId}
              workDir: var
              wmsstatus.sleep: 1
              batchstatus.sleep: 1
            defaults:
              wmsstatusplugin: DirectoryQueue
              wmsstatus.directoryqueue.root: jobs
              batchstatusplugin: LocalProcess
              batchsubmitplugin: LocalProcess
              schedplugin: Ready, MaxPerCycle, MaxPending, MaxToRun
              sched.maxpercycle.maximum: {maxPerCycle}
              sched.maxpending.maximum: {maxPending}
              sched.maxtorun.maximum: {maxToRun}
              apfqueue.sleep: 1
              apfqueue.maxage: 10
              pilot.lifetime: 300
            queues:
              alpha: {"{}"}
              beta: {"{}"}
            """);
    }

    /// <summary>Adds jobs with the apf command itself; each job appends its id to a log, so double runs show.</summary>
    public async Task AddJobsAsync(string queue, int count, string work)
    {
        var script = $"echo \"$APF_JOB_ID\" >> '{RunsLog}'\n{work}";
        var (code, output) = await RunToEndAsync(["jobs", "add", queue, count.ToString(), "--config", ConfigFile, "--script", script], TimeSpan.FromSeconds(60));
        Assert.True(code == 0, output);
    }

    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "apf.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    public async Task<(int Code, string Output)> RunToEndAsync(string[] args, TimeSpan limit)
    {
        using var process = Start(args);
        var output = new StringBuilder();
        var read = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"apf {string.Join(' ', args)} did not finish in {limit}:\n{output}");
        }
        await read;
        return (process.ExitCode, output.ToString());
    }

    public static async Task Pump(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (into) into.AppendLine(line);
    }

    public string[] Jobs(string queue, string state) =>
        Directory.Exists(Path.Combine(JobsRoot, queue, state))
            ? Directory.GetFiles(Path.Combine(JobsRoot, queue, state)).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).ToArray()
            : [];

    /// <summary>Live processes started for this factory (their environment names its id).</summary>
    public IReadOnlyList<int> PilotProcesses()
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var environ = File.ReadAllText(Path.Combine(dir, "environ"));
                if (environ.Contains($"APFFID={FactoryId}\0")) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }

    public void Dispose()
    {
        foreach (var pid in PilotProcesses())
            try { Process.GetProcessById(pid).Kill(true); } catch (Exception e) when (e is ArgumentException or InvalidOperationException) { }
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
