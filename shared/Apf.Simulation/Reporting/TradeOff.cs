using System.Globalization;

namespace Apf.Simulation.Reporting;

/// <summary>
/// How one chain compares with another on the two figures that trade against each other: job-wait p95
/// (sending more pilots shortens it) and the empty-pilot fraction (sending more raises it). A chain is only
/// plainly better when it wins both; winning one alone is a trade-off, and the line says which way.
/// </summary>
public static class TradeOff
{
    public static string Describe(string name, SimulationResult chain, string otherName, SimulationResult other)
    {
        var p95 = Math.Sign(chain.WaitP95Seconds.CompareTo(other.WaitP95Seconds));
        var empty = Math.Sign(chain.EmptyFraction.CompareTo(other.EmptyFraction));
        var verdict = (p95, empty) switch
        {
            (< 0, < 0) => "better on both",
            (> 0, > 0) => "worse on both",
            (0, 0) => "equal on both",
            (<= 0, <= 0) => "better on one, equal on the other",
            (>= 0, >= 0) => "worse on one, equal on the other",
            (< 0, _) => "a trade-off: shorter wait, more empty pilots",
            _ => "a trade-off: longer wait, fewer empty pilots",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{name} against {otherName}: {verdict} (job wait p95 {Duration(chain.WaitP95Seconds)} against {Duration(other.WaitP95Seconds)}, " +
            $"empty pilots {chain.EmptyFraction * 100:0.0} % against {other.EmptyFraction * 100:0.0} %)");
    }

    /// <summary>A wait as the tables print it: seconds, minutes or hours, whichever reads best.</summary>
    public static string Duration(double seconds) =>
        seconds < 120 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s")
        : seconds < 7200 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h");
}
