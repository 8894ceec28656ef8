using Apf.Core.Configuration;

namespace Apf.Factory.Submitting;

/// <summary>The ledger of the factory's work folder in force (it may change with the configuration).</summary>
public sealed class SubmitLedgerProvider
{
    private SubmitLedger? _ledger;

    public SubmitLedger For(FactoryConfig config)
    {
        var directory = Path.Combine(config.Factory.WorkDirectory, "submitted");
        var ledger = _ledger;
        if (ledger is null || ledger.Directory != directory) _ledger = ledger = new SubmitLedger(directory);
        return ledger;
    }
}
