using Apf.Contracts;
using Apf.Core.Plugins;

namespace Apf.Plugins.Slurm.Tests.Live;

/// <summary>Pilot requests for live tests: a tiny wrapper that prints one environment value and sleeps.</summary>
internal sealed class LivePilots
{
    public LivePilots(string folder)
    {
        Folder = folder;
        Factory = "live" + Guid.NewGuid().ToString("N")[..8];
        Wrapper = Path.Combine(folder, "pilot.sh");
        File.WriteAllText(Wrapper, "#!/bin/sh\necho \"pilot $APF_TEST_VALUE $1\"\nsleep \"${2:-1}\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public string Folder { get; }
    public string Factory { get; }
    public string Wrapper { get; }
    public string Logs => Path.Combine(Folder, "logs");

    public PilotRequest Request(string queue, int count, string sleepSeconds = "1", string? batchQueue = "debug") => new()
    {
        Label = new PilotLabel(Factory, queue, Guid.NewGuid()),
        Count = count,
        Executable = Wrapper,
        Arguments = ["it's a $(test)", sleepSeconds],
        Environment = new Dictionary<string, string> { ["APF_TEST_VALUE"] = "secret'value" },
        LogDirectory = Logs,
        BatchQueue = batchQueue,
    };

    public static BatchStatusQuery[] Query(string queue) => [new(queue, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5))];

    /// <summary>Reads status until <paramref name="done"/> holds (live Slurm takes a few seconds to schedule and finish).</summary>
    public static async Task<BatchQueueFigures> WaitForAsync(IBatchStatusPlugin status, string queue, Func<BatchQueueFigures, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var figures = (await status.ReadAsync(Query(queue), TestContext.Current.CancellationToken))[queue];
            if (done(figures) || DateTime.UtcNow > deadline) return figures;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
