using System.Globalization;
using Apf.Config.Editing;
using Apf.Config.Store;

namespace Apf.Config.Api;

/// <summary>Builds the read views: a queue's effective values, with where each came from.</summary>
public sealed class QueueViews(ConfigValidator validator)
{
    public QueueView View(StoredFactory state, StoredQueue queue)
    {
        var report = validator.Validate(state, [queue.Name]);
        var effective = new List<EffectiveValue>();
        foreach (var (key, value) in state.Defaults.Where(d => !queue.Settings.ContainsKey(d.Key)))
            effective.Add(new EffectiveValue(key, value, "defaults"));
        foreach (var (key, value) in queue.Settings)
            effective.Add(new EffectiveValue(key, value, "queue"));

        // Keys nobody set take Apf's built-in defaults; they are read off the validated queue, so
        // this view shows what the factory really uses rather than a copy of the defaults.
        if (report.Config.Queues.FirstOrDefault(q => string.Equals(q.Name, queue.Name, StringComparison.OrdinalIgnoreCase)) is { } built)
        {
            var o = built.Options;
            foreach (var (key, value) in (ReadOnlySpan<(string, string)>)[
                ("enabled", o.Enabled ? "true" : "false"),
                ("wmsqueue", o.WmsQueue),
                ("apfqueue.sleep", Seconds(o.Sleep)),
                ("apfqueue.maxage", Seconds(o.MaxAge)),
                ("apfqueue.plugintimeout", Seconds(o.PluginTimeout)),
                ("cleanlogs.keepdays", o.CleanLogsKeepDays.ToString(CultureInfo.InvariantCulture)),
                ("sched.throttle.interval", Seconds(built.RecentWindow)),
                ("sched.throttle.maxtime", Seconds(built.ShortRun))])
            {
                if (!effective.Any(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)))
                    effective.Add(new EffectiveValue(key, value, "built-in"));
            }
        }
        effective.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Key, b.Key));
        return new QueueView(queue.Name, queue.Version, state.Revision, queue.UpdatedAt, queue.UpdatedBy,
            queue.Settings, effective, report.IsValid, report.Errors, report.Warnings);
    }

    public static QueueSummary Summary(StoredFactory state, StoredQueue queue)
    {
        var enabled = queue.Settings.GetValueOrDefault("enabled") ?? state.Defaults.GetValueOrDefault("enabled") ?? "true";
        return new QueueSummary(queue.Name, queue.Version, enabled.Trim().ToLowerInvariant() is not ("false" or "no" or "off" or "0"), queue.UpdatedAt, queue.UpdatedBy);
    }

    public static FactoryView Factory(StoredFactory state) =>
        new(state.FactoryVersion, state.Revision, state.UpdatedAt, state.UpdatedBy, state.Factory, state.Defaults);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
