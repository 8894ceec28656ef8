using Apf.Core.Scheduling;

namespace Apf.Factory.Scheduling;

/// <summary>Whether a status can be used this cycle, and in words why not.</summary>
public readonly record struct StatusReading(StatusState State, string Text)
{
    public static StatusReading Judge(DateTimeOffset? observedAt, string? missingReason, DateTimeOffset now, TimeSpan maxAge)
    {
        if (missingReason is not null || observedAt is null) return new(StatusState.Missing, $"missing ({missingReason ?? "no snapshot yet"})");
        var age = now - observedAt.Value;
        return age > maxAge
            ? new(StatusState.Stale, $"stale (age {age.TotalSeconds:0} s > maxage {maxAge.TotalSeconds:0} s)")
            : new(StatusState.Fresh, $"fresh (age {Math.Max(0, age.TotalSeconds):0} s)");
    }
}
