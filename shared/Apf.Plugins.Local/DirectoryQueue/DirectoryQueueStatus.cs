using Apf.Contracts;
using Apf.Core.Configuration;
using Apf.Core.Plugins;

namespace Apf.Plugins.Local.DirectoryQueue;

/// <summary>
/// WMS status plugin "DirectoryQueue": reads the job counts of a <see cref="DirectoryJobQueue"/>
/// (ready, running, done, failed) and tells each pilot where its queue is (APF_DIRQUEUE).
/// A WMS queue whose folder does not exist is missing (left out), never zero; a queue folder holding
/// a file named OFFLINE reads as offline so an admin can drain it.
/// Option: wmsstatus.directoryqueue.root (required), relative to the configuration file's folder.
/// </summary>
public sealed class DirectoryQueueStatus(DirectoryJobQueue queue) : IWmsStatusPlugin, IPilotEnvironmentSource
{
    /// <summary>The plugin's APF name.</summary>
    public const string Name = "DirectoryQueue";

    /// <summary>The option naming the folder of WMS queues.</summary>
    public const string RootKey = "wmsstatus.directoryqueue.root";

    /// <summary>The environment variable pilots find their WMS queue's folder in.</summary>
    public const string QueueVariable = "APF_DIRQUEUE";

    public DirectoryJobQueue Queue => queue;

    /// <summary>Builds the plugin from a queue's settings; a missing root is reported as a configuration error.</summary>
    public static DirectoryQueueStatus Create(PluginContext context)
    {
        var settings = context.Settings;
        var root = settings.RequiredString(RootKey);
        // The error above disables the queue; the instance only has to exist.
        if (root.Length == 0) return new DirectoryQueueStatus(new DirectoryJobQueue(context.Factory.WorkDirectory));
        if (!Path.IsPathRooted(root))
        {
            if (ConfigFolder(settings.Settings.Find(RootKey)) is { } folder) root = FactorySettings.Resolve(folder, root);
            else settings.Error(RootKey, $"'{root}' is relative but its configuration file is unknown; give an absolute path");
        }
        var time = context.Services.GetService(typeof(TimeProvider)) as TimeProvider;
        return new DirectoryQueueStatus(new DirectoryJobQueue(root, time));
    }

    public Task<IReadOnlyDictionary<string, WmsQueueFigures>> ReadAsync(IReadOnlyCollection<string> wmsQueues, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, WmsQueueFigures>(StringComparer.Ordinal);
        foreach (var name in wmsQueues.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!DirectoryJobQueue.IsValidQueueName(name) || queue.Count(name) is not { } counts) continue;
            figures[name] = new WmsQueueFigures
            {
                Ready = counts.Ready,
                Running = counts.Running,
                Done = counts.Done,
                Failed = counts.Failed,
                Site = queue.IsOffline(name) ? SiteState.Offline : SiteState.Online,
            };
        }
        return Task.FromResult<IReadOnlyDictionary<string, WmsQueueFigures>>(figures);
    }

    public void AddPilotEnvironment(string wmsQueue, IDictionary<string, string> environment)
    {
        if (DirectoryJobQueue.IsValidQueueName(wmsQueue)) environment[QueueVariable] = queue.QueuePath(wmsQueue);
    }

    // Settings origins read "<file> (<section>)"; a relative root means relative to that file's folder.
    private static string? ConfigFolder(SettingValue? value)
    {
        if (value is null) return null;
        var origin = value.Origin;
        var paren = origin.LastIndexOf(" (", StringComparison.Ordinal);
        var file = paren > 0 && origin.EndsWith(')') ? origin[..paren] : origin;
        return File.Exists(file) ? Path.GetDirectoryName(Path.GetFullPath(file)) : null;
    }
}
