using Apf.Core.Configuration;
using Apf.Core.Plugins;
using Apf.Core.Scheduling;
using Apf.Scheduling;

namespace Apf.Simulation;

/// <summary>
/// Builds scheduler chains from plugin names the way the factory does (catalog lookup, one fresh
/// instance per queue, options read through a <see cref="SettingsReader"/>), so the simulation drives
/// the real plugin classes.
/// </summary>
public sealed class ChainBuilder(PluginCatalog catalog, Settings settings)
{
    public ChainBuilder(Settings settings) : this(new PluginCatalog().AddSchedulerPlugins(), settings) { }

    public Settings Settings => settings;

    /// <summary>Plugin names of a chain written "Ready, MaxPerCycle, MaxPending".</summary>
    public static IReadOnlyList<string> Names(string chain) =>
        chain.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every option problem of a chain, checked once before a run.</summary>
    public IReadOnlyList<ConfigError> Check(string chain)
    {
        var errors = new List<ConfigError>();
        Build(chain, "check", errors);
        return errors;
    }

    /// <summary>One queue's chain; throws with every problem when the chain or its options are invalid.</summary>
    public SchedulerChain Build(string chain, string queue)
    {
        var errors = new List<ConfigError>();
        var built = Build(chain, queue, errors);
        return errors.Count == 0 && built is not null
            ? built
            : throw new ArgumentException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
    }

    private SchedulerChain? Build(string chain, string queue, List<ConfigError> errors)
    {
        var reader = new SettingsReader(settings, queue, errors, "--set");
        var factory = new FactorySettings
        {
            FactoryId = "simulation",
            WorkDirectory = "var",
            BaseLogDirectory = "var/logs",
            MaxPerFactory = reader.OptionalInt("maxperfactory.maximum", min: 0),
            Raw = settings,
        };
        var plugins = new List<ISchedulerPlugin>();
        var names = Names(chain);
        if (names.Count == 0) reader.Error("schedplugin", "a chain needs at least one plugin");
        foreach (var name in names)
        {
            if (!catalog.Knows(PluginKind.Scheduler, name))
            {
                reader.Error("schedplugin", $"no Scheduler plugin named '{name}'; known: {string.Join(", ", catalog.Names(PluginKind.Scheduler))}");
                continue;
            }
            plugins.Add(catalog.Create<ISchedulerPlugin>(PluginKind.Scheduler, name, new PluginContext(name, reader, factory, NoServices.Instance)));
        }
        return errors.Count == 0 ? new SchedulerChain(plugins) : null;
    }

    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
