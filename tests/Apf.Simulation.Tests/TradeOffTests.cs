using Apf.Simulation.Reporting;

namespace Apf.Simulation.Tests;

public class TradeOffTests
{
    private static SimulationResult Result(double p95Seconds, long empty, long started = 100) => new()
    {
        Chain = "c", Queues = 1, Jobs = 1, JobsNeverStarted = 0, WaitP50Seconds = 0, WaitP95Seconds = p95Seconds,
        WaitMaxSeconds = p95Seconds, WaitMeanSeconds = 0, PilotsSubmitted = started, PilotsStarted = started, PilotsRetired = 0,
        EmptyPilots = empty, IdlePilotHours = 0, BusyPilotHours = 0, PeakPendingPerQueue = 0, PeakPendingTotal = 0,
        Evaluations = 0, Decisions = 0, SimulatedSeconds = 0, Series = [],
    };

    [Theory]
    [InlineData(400, 5, 600, 9, "better on both")]
    [InlineData(600, 9, 400, 5, "worse on both")]
    [InlineData(400, 9, 400, 9, "equal on both")]
    [InlineData(400, 9, 600, 9, "better on one, equal on the other")]
    [InlineData(400, 10, 400, 9, "worse on one, equal on the other")]
    [InlineData(400, 30, 600, 9, "a trade-off: shorter wait, more empty pilots")]
    [InlineData(600, 5, 400, 30, "a trade-off: longer wait, fewer empty pilots")]
    public void Says_whether_a_chain_wins_both_figures_or_trades_one_for_the_other(double p95, long empty, double otherP95, long otherEmpty, string verdict) =>
        Assert.Equal($"A against B: {verdict} (job wait p95 {TradeOff.Duration(p95)} against {TradeOff.Duration(otherP95)}, empty pilots {empty:0.0} % against {otherEmpty:0.0} %)",
            TradeOff.Describe("A", Result(p95, empty), "B", Result(otherP95, otherEmpty)));

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(444, "7.4 min")]
    [InlineData(15639, "4.3 h")]
    public void Waits_read_in_the_unit_that_suits_them(double seconds, string text) =>
        Assert.Equal(text, TradeOff.Duration(seconds));
}
