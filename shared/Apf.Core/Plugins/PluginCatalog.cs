using Apf.Core.Scheduling;

namespace Apf.Core.Plugins;

/// <summary>
/// The plugins a factory knows, by kind and APF name (case-insensitive). Each entry builds one plugin
/// instance from a queue's settings and reports option problems through the context's reader.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<(PluginKind, string), Func<PluginContext, object>> _factories = new(KindNameComparer.Instance);

    public PluginCatalog AddWmsStatus(string name, Func<PluginContext, IWmsStatusPlugin> create) => Add(PluginKind.WmsStatus, name, create);
    public PluginCatalog AddBatchStatus(string name, Func<PluginContext, IBatchStatusPlugin> create) => Add(PluginKind.BatchStatus, name, create);
    public PluginCatalog AddScheduler(string name, Func<PluginContext, ISchedulerPlugin> create) => Add(PluginKind.Scheduler, name, create);
    public PluginCatalog AddBatchSubmit(string name, Func<PluginContext, IBatchSubmitPlugin> create) => Add(PluginKind.BatchSubmit, name, create);

    public bool Knows(PluginKind kind, string name) => _factories.ContainsKey((kind, name));

    public IReadOnlyList<string> Names(PluginKind kind) =>
        _factories.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2).Order(StringComparer.OrdinalIgnoreCase).ToList();

    public T Create<T>(PluginKind kind, string name, PluginContext context) where T : class =>
        _factories.TryGetValue((kind, name), out var create)
            ? (T)create(context)
            : throw new KeyNotFoundException($"no {kind} plugin named '{name}'");

    /// <summary>The key prefix of a plugin's own options, APF style: "sched.maxpending.", "batchsubmit.slurm.".</summary>
    public static string KeyPrefix(PluginKind kind, string name) => kind switch
    {
        PluginKind.WmsStatus => "wmsstatus.",
        PluginKind.BatchStatus => "batchstatus.",
        PluginKind.Scheduler => "sched.",
        _ => "batchsubmit.",
    } + name.ToLowerInvariant() + ".";

    private PluginCatalog Add(PluginKind kind, string name, Func<PluginContext, object> create)
    {
        _factories[(kind, name)] = create;
        return this;
    }

    private sealed class KindNameComparer : IEqualityComparer<(PluginKind, string)>
    {
        public static readonly KindNameComparer Instance = new();
        public bool Equals((PluginKind, string) x, (PluginKind, string) y) =>
            x.Item1 == y.Item1 && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);
        public int GetHashCode((PluginKind, string) obj) =>
            HashCode.Combine(obj.Item1, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}
