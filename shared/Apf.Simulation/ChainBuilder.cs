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

    /// <summary>Plugin names of a chain written "Ready, MaxPerCycle, MaxPending" (options after ';' removed).</summary>
    public static IReadOnlyList<string> Names(string chain) =>
        chain.Split(';')[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The settings of one chain: the shared ones, overridden by the chain's own "key=value" pairs
    /// written after ';' ("Forecast,MaxPerCycle,MaxPending;sched.maxpercycle.maximum=100").
    /// </summary>
    public Settings SettingsOf(string chain)
    {
        var own = chain.Split(';').Skip(1).Where(p => p.Trim().Length > 0).ToArray();
        return own.Length == 0 ? settings : settings.OverriddenBy(Simulation.SettingsFrom(own, "chain options"));
    }

    /// <summary>Every option problem of a chain, checked once before a run.</summary>
    public IReadOnlyList<ConfigError> Check(string chain)
    {
        var errors = new List<ConfigError>();
        Build(chain, "(every queue)", errors);
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
        Settings effective;
        try
        {
            effective = SettingsOf(chain);
        }
        catch (ArgumentException e)
        {
            errors.Add(new ConfigError("chain options", queue, null, e.Message));
            return null;
        }
        var reader = new SettingsReader(effective, queue, errors, "--set");
        var factory = new FactorySettings
        {
            FactoryId = "simulation",
            WorkDirectory = "var",
            BaseLogDirectory = "var/logs",
            MaxPerFactory = reader.OptionalInt("maxperfactory.maximum", min: 0),
            Raw = effective,
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
