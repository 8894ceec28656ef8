using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Apf.Plugins.Slurm.Jobs;

namespace Apf.Slurm.Bench;

/// <summary>
/// Parse time and memory of squeue --json for many jobs. The document is generated from the recorded
/// v0.0.38 (Slurm 22.05.8) shape: each job is a copy of a recorded job with its id, name and state changed.
/// </summary>
internal static class ParseBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var fixture = args.Length > 1 ? args[1] : FindFixture();
        var json = Generate(File.ReadAllText(fixture), count);
        var text = GenerateText(count);
        Console.WriteLine($"document: {count} jobs, {json.Length / 1024.0 / 1024.0:F1} MiB of JSON (from {Path.GetFileName(fixture)}); plain format {text.Length / 1024.0 / 1024.0:F2} MiB");

        Measure("squeue --json (SqueueJsonParser)", () => SqueueJsonParser.Parse(json).Count, count);
        Measure("squeue -o plain (SqueueTextParser)", () => SqueueTextParser.Parse(text).Count, count);
        return 0;
    }

    private static void Measure(string what, Func<int> parse, int expected)
    {
        for (var i = 0; i < 3; i++) Check(parse(), expected);
        var times = new List<double>();
        long allocated = 0;
        const int runs = 15;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            Check(parse(), expected);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{what}: median {times[runs / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {runs} runs; " +
                          $"{allocated / 1024.0 / 1024.0:F1} MiB allocated per parse; peak working set {Environment.WorkingSet / 1024.0 / 1024.0:F0} MiB");
    }

    private static void Check(int parsed, int expected)
    {
        if (parsed != expected) throw new InvalidOperationException($"parsed {parsed} jobs, expected {expected}");
    }

    private static string Generate(string fixture, int count)
    {
        var root = JsonNode.Parse(fixture)!.AsObject();
        var recorded = root["jobs"]!.AsArray();
        var template = recorded.First(j => (string?)j!["name"] == "apf-demo-q1-cmd1")!;
        var jobs = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var job = template.DeepClone().AsObject();
            job["job_id"] = 100_000 + i;
            job["name"] = $"apf.bench.q{i % 20}.{i / 100:x32}";
            job["job_state"] = (i % 3) switch { 0 => "PENDING", 1 => "RUNNING", _ => "COMPLETED" };
            jobs.Add(job);
        }
        root["jobs"] = jobs;
        return root.ToJsonString();
    }

    private static string GenerateText(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var state = (i % 3) switch { 0 => "PENDING", 1 => "RUNNING", _ => "COMPLETED" };
            text.Append(CultureInfo.InvariantCulture, $"{100_000 + i}|X|{state}|None|2026-11-24T15:55:52|2026-11-24T15:55:53|N/A|apf.bench.q{i % 20}.{i / 100:x32}|(null)\n");
        }
        return text.ToString();
    }

    private static string FindFixture()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "slurm", "squeue-json-v0.0.38-slurm-22.05.8-running-pending-array.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("squeue-json-v0.0.38 fixture not found above " + AppContext.BaseDirectory);
    }
}
