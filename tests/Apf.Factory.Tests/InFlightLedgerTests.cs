using Apf.Contracts;
using Apf.Factory.Scheduling;

namespace Apf.Factory.Tests;

public class InFlightLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static SubmitPilots Command(int count) => new()
    {
        CommandId = Guid.NewGuid(),
        Factory = "f",
        Queue = "q",
        Count = count,
        DecidedAt = T0,
        Explanation = "test",
    };

    [Fact]
    public void A_command_without_a_result_counts_until_twice_the_submitters_limit_has_passed()
    {
        var ledger = new InFlightLedger();
        ledger.Sent(Command(4));
        var expiry = TimeSpan.FromHours(2); // apfqueue.sleep + apfqueue.maxage of a slow queue

        ledger.Prune(_ => null, T0 + TimeSpan.FromHours(3), _ => expiry);
        Assert.Equal(4, ledger.InFlight("q", T0));

        ledger.Prune(_ => null, T0 + TimeSpan.FromHours(4.1), _ => expiry);
        Assert.Equal(0, ledger.InFlight("q", T0));
    }

    [Fact]
    public void Created_pilots_count_until_a_batch_snapshot_taken_after_them_arrives()
    {
        var ledger = new InFlightLedger();
        var command = Command(3);
        ledger.Sent(command);
        ledger.Completed(new PilotsSubmitted { CommandId = command.CommandId, Factory = "f", Queue = "q", Requested = 3, BatchIds = ["1", "2"], CompletedAt = T0.AddSeconds(5) });

        Assert.Equal(2, ledger.InFlight("q", batchObservedAt: T0));
        ledger.Prune(_ => T0.AddSeconds(6), T0.AddSeconds(7), _ => TimeSpan.FromMinutes(12));
        Assert.Equal(0, ledger.InFlight("q", batchObservedAt: T0));
        Assert.Equal(2, ledger.SubmittedTotal("q"));
    }
}
