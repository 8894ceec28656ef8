using System.Diagnostics;
using Apf.Core.Plugins;
using Apf.Plugins.Local.DirectoryQueue;
using Apf.Plugins.Local.Pilot;

namespace Apf.Plugins.Local.LocalBatch;

/// <summary>
/// Batch submit plugin "LocalProcess": every pilot is a local process group, started through
/// <c>setsid</c> and the shipped launcher with an argument list (never a shell string), with a clean
/// environment (PATH, HOME, USER, LANG, TMPDIR, TZ of the factory, then the request's variables, then
/// APF_PILOT_ID, APF_PILOT_DIR and APFCID = the pilot id). Its stdout, stderr and launcher log go to
/// &lt;LogDirectory&gt;/&lt;pilot id&gt;.out/.err/.log; its bookkeeping to a <see cref="LocalPilotStore"/> folder.
/// </summary>
public sealed class LocalProcessSubmit(LocalPilotStore store) : IBatchSubmitPlugin
{
    /// <summary>The plugin's APF name (batch status and batch submit alike).</summary>
    public const string Name = "LocalProcess";

    private static readonly string[] InheritedVariables = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TMPDIR", "TZ"];

    public LocalPilotStore Store => store;

    /// <summary>Builds the plugin for the factory's work directory (no options of its own).</summary>
    public static LocalProcessSubmit Create(PluginContext context) =>
        new(new LocalPilotStore(context.Factory.WorkDirectory, context.Services.GetService(typeof(TimeProvider)) as TimeProvider));

    public Task<SubmitOutcome> SubmitAsync(PilotRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);
        if (!LocalPilotStore.IsValidQueueName(request.Label.Queue))
            throw new ArgumentException($"queue name '{request.Label.Queue}' must be a single folder name");
        Directory.CreateDirectory(request.LogDirectory);
        var ids = new List<string>(request.Count);
        for (var i = 0; i < request.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            var id = $"{request.Label.CommandId.ToString("N")[..8]}-{Guid.NewGuid().ToString("N")[..8]}";
            var folder = store.Create(request.Label, id, request.Environment.GetValueOrDefault(DirectoryQueueStatus.QueueVariable));
            try
            {
                using var process = Process.Start(StartInfo(request, id, folder))
                    ?? throw new InvalidOperationException("the launcher did not start");
                LocalPilotStore.Write(folder, "pid", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                store.Mark(folder, "lost");
                if (ids.Count == 0) throw new InvalidOperationException($"could not start a local pilot for {request.Label}: {e.Message}", e);
                break;
            }
            ids.Add(id);
        }
        return Task.FromResult(new SubmitOutcome(ids));
    }

    public Task<IReadOnlyList<string>> FindPilotsAsync(PilotLabel label, CancellationToken cancellationToken)
    {
        var text = label.ToString();
        IReadOnlyList<string> ids = LocalPilotStore.IsValidQueueName(label.Queue)
            ? store.List(label.Queue).Where(p => p.Label == text).Select(p => p.Id).ToList()
            : [];
        return Task.FromResult(ids);
    }

    public Task<IReadOnlyList<string>> RetireAsync(string factory, string queue, int count, CancellationToken cancellationToken) =>
        Task.FromResult(new LocalPilotStopper(store).Retire(factory, queue, count));

    private static ProcessStartInfo StartInfo(PilotRequest request, string id, string folder)
    {
        var info = new ProcessStartInfo(Setsid) { UseShellExecute = false };
        info.Environment.Clear();
        foreach (var name in InheritedVariables)
            if (Environment.GetEnvironmentVariable(name) is { } value) info.Environment[name] = value;
        foreach (var (name, value) in request.Environment) info.Environment[name] = value;
        info.Environment["APF_PILOT_ID"] = id;
        info.Environment["APF_PILOT_DIR"] = folder;
        info.Environment["APFCID"] = id;
        if (!info.Environment.ContainsKey("PATH")) info.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";

        var logs = Path.Combine(request.LogDirectory, id);
        // The wrapper says itself when it has validated the node; any other executable counts as started at launch.
        var marksStart = Path.GetFileName(request.Executable) == Path.GetFileName(PilotWrapper.DefaultPath) ? "no" : "yes";
        foreach (var argument in (string[])["bash", PilotWrapper.LauncherPath, folder, logs + ".out", logs + ".err", logs + ".log", marksStart, request.Executable])
            info.ArgumentList.Add(argument);
        foreach (var argument in request.Arguments) info.ArgumentList.Add(argument);
        info.WorkingDirectory = folder;
        return info;
    }

    // setsid makes the launcher the leader of a new session and process group, so stopping a pilot
    // reaches everything it started; util-linux ships it on every Debian.
    private static string Setsid =>
        new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists) ?? "setsid";
}
