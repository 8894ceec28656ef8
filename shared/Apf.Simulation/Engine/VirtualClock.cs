namespace Apf.Simulation.Engine;

/// <summary>
/// The simulation's clock: whole seconds since a fixed origin, moved only by the event loop. Plugins
/// see it through <see cref="TimeProvider"/>, as they see the real clock in the factory.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>A fixed origin, so results never depend on when the simulation ran.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public long Seconds { get; private set; }

    public override DateTimeOffset GetUtcNow() => Origin.AddSeconds(Seconds);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void AdvanceTo(long seconds)
    {
        if (seconds < Seconds) throw new InvalidOperationException($"the clock cannot go back from {Seconds} to {seconds}");
        Seconds = seconds;
    }
}
