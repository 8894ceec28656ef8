using Apf.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Configuration;

/// <summary>
/// The embedded default's configuration: a YAML file, reloaded when it changes. A bad edit is reported
/// and the last good configuration stays in force.
/// </summary>
public sealed class YamlFileConfigProvider : IFactoryConfigProvider, IDisposable
{
    private readonly string _path;
    private readonly FactoryConfigBuilder _builder;
    private readonly ILogger<YamlFileConfigProvider> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Lock _gate = new();
    private Timer? _debounce;
    private FactoryConfig _current;
    private string _lastText;

    public YamlFileConfigProvider(string path, FactoryConfigBuilder builder, ILogger<YamlFileConfigProvider> logger, bool watch = true)
    {
        _path = Path.GetFullPath(path);
        _builder = builder;
        _logger = logger;
        _lastText = File.ReadAllText(_path);
        _current = builder.Build(YamlConfigReader.Read(_lastText, _path), version: 1);
        if (!watch) return;
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => ScheduleReload();
        _watcher.Created += (_, _) => ScheduleReload();
        _watcher.Renamed += (_, _) => ScheduleReload();
        _watcher.EnableRaisingEvents = true;
    }

    public FactoryConfig Current => Volatile.Read(ref _current);

    public event Action<FactoryConfig>? Changed;

    /// <summary>Reads the file again; returns true when a new configuration was put in force.</summary>
    public bool Reload()
    {
        lock (_gate)
        {
            string text;
            try
            {
                text = File.ReadAllText(_path);
            }
            catch (IOException e)
            {
                _logger.LogWarning("Configuration {Path} could not be read ({Reason}); keeping version {Version}", _path, e.Message, _current.Version);
                return false;
            }
            if (text == _lastText) return false;
            var candidate = _builder.Build(YamlConfigReader.Read(text, _path), _current.Version + 1);
            if (!candidate.IsUsable)
            {
                foreach (var error in candidate.Errors)
                    _logger.LogError("Configuration edit rejected: {Error}", error.ToString());
                _logger.LogError("Keeping the last good configuration (version {Version})", _current.Version);
                _lastText = text;
                return false;
            }
            _lastText = text;
            Volatile.Write(ref _current, candidate);
        }
        _logger.LogInformation("Configuration {Path} reloaded: version {Version}", _path, _current.Version);
        Changed?.Invoke(_current);
        return true;
    }

    // Editors write a file in several steps; wait for them to finish before reading it.
    private void ScheduleReload()
    {
        _debounce?.Dispose();
        _debounce = new Timer(_ => Reload(), null, TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
