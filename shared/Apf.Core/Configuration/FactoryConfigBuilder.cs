using System.Security.Cryptography;
using System.Text;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;

namespace Apf.Core.Configuration;

/// <summary>
/// Validates a <see cref="RawFactoryConfig"/> against the plugin catalog: applies the defaults to each
/// queue, checks every key, builds each queue's plugins. A bad queue is disabled and reported; the
/// others are kept.
/// </summary>
public sealed class FactoryConfigBuilder(PluginCatalog catalog, IServiceProvider services)
{
    public FactoryConfig Build(RawFactoryConfig raw, long version)
    {
        var baseDirectory = BaseDirectoryOf(raw.Source);
        var factoryErrors = new List<ConfigError>(raw.Errors);
        var factoryReader = new SettingsReader(raw.Factory, null, factoryErrors, raw.Source);
        var factory = FactorySettings.Read(factoryReader, baseDirectory);
        var warnings = new List<ConfigError>();

        var queues = new List<QueueDefinition>();
        var invalid = new List<InvalidQueue>();
        foreach (var rawQueue in raw.Queues)
        {
            var errors = new List<ConfigError>();
            var effective = raw.Defaults.OverriddenBy(rawQueue.Own);
            var reader = new SettingsReader(effective, rawQueue.Name, errors, raw.Source, rawQueue.Line);
            var queue = BuildQueue(rawQueue.Name, reader, factory, baseDirectory, errors);
            if (queue is null || errors.Count > 0)
            {
                invalid.Add(new InvalidQueue(rawQueue.Name, errors));
                continue;
            }
            queues.Add(queue);
            foreach (var key in rawQueue.Own.Values.Keys.Where(k => !reader.KeysRead.Contains(k)))
            {
                var found = rawQueue.Own.Find(key)!;
                warnings.Add(new ConfigError(raw.Source, rawQueue.Name, key, "unknown key, ignored (no plugin of this queue reads it)", found.Line));
            }
        }
        return new FactoryConfig
        {
            Source = raw.Source,
            Version = version,
            Factory = factory,
            Queues = queues,
            InvalidQueues = invalid,
            Errors = factoryErrors,
            Warnings = warnings,
        };
    }

    private QueueDefinition? BuildQueue(string name, SettingsReader reader, FactorySettings factory, string baseDirectory, List<ConfigError> errors)
    {
        var options = QueueOptions.Read(name, reader, baseDirectory);
        var wms = Create<IWmsStatusPlugin>(PluginKind.WmsStatus, "wmsstatusplugin", options.WmsStatusPlugin, reader, factory, baseDirectory);
        var batch = Create<IBatchStatusPlugin>(PluginKind.BatchStatus, "batchstatusplugin", options.BatchStatusPlugin, reader, factory, baseDirectory);
        var submit = Create<IBatchSubmitPlugin>(PluginKind.BatchSubmit, "batchsubmitplugin", options.BatchSubmitPlugin, reader, factory, baseDirectory);
        var sched = options.SchedPlugins
            .Select(p => Create<ISchedulerPlugin>(PluginKind.Scheduler, "schedplugin", p, reader, factory, baseDirectory))
            .ToList();
        var window = reader.Seconds("sched.throttle.interval", TimeSpan.FromHours(1), min: TimeSpan.FromSeconds(1));
        var shortRun = reader.Seconds("sched.throttle.maxtime", TimeSpan.FromSeconds(10));
        if (errors.Count > 0 || wms is null || batch is null || submit is null || sched.Any(s => s is null))
            return null;
        return new QueueDefinition
        {
            Options = options,
            Settings = reader.Settings,
            Chain = new SchedulerChain(sched!),
            WmsStatus = wms,
            BatchStatus = batch,
            BatchSubmit = submit,
            WmsSource = SourceKey(PluginKind.WmsStatus, options.WmsStatusPlugin, reader.Settings),
            BatchSource = SourceKey(PluginKind.BatchStatus, options.BatchStatusPlugin, reader.Settings),
            RecentWindow = window,
            ShortRun = shortRun,
        };
    }

    private T? Create<T>(PluginKind kind, string key, string name, SettingsReader reader, FactorySettings factory, string baseDirectory) where T : class
    {
        if (name.Length == 0) return null;
        if (!catalog.Knows(kind, name))
        {
            reader.Error(key, $"no {kind} plugin named '{name}'; known: {string.Join(", ", catalog.Names(kind))}");
            return null;
        }
        try
        {
            return catalog.Create<T>(kind, name, new PluginContext(name, reader, factory, services, baseDirectory));
        }
        catch (Exception e)
        {
            reader.Error(key, $"plugin '{name}' could not be built: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Plugin name plus a digest of its own keys: queues with the same source share one status read.
    /// A digest, not the values, because plugin keys may hold credentials and the key travels in messages.
    /// </summary>
    public static string SourceKey(PluginKind kind, string plugin, Settings settings)
    {
        var own = settings.Under(PluginCatalog.KeyPrefix(kind, plugin))
            .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .Select(kv => $"{kv.Key.ToLowerInvariant()}={kv.Value}");
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", own)));
        return $"{plugin}#{Convert.ToHexStringLower(digest.AsSpan(0, 4))}";
    }

    private static string BaseDirectoryOf(string source) =>
        File.Exists(source) ? Path.GetDirectoryName(Path.GetFullPath(source))! : Directory.GetCurrentDirectory();
}
