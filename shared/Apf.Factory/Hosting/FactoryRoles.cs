namespace Apf.Factory.Hosting;

/// <summary>The services of the design. The all-in-one host runs them all; each service container runs one.</summary>
[Flags]
public enum FactoryRoles
{
    None = 0,
    WmsStatus = 1,
    BatchStatus = 2,
    Scheduler = 4,
    Submitter = 8,
    /// <summary>Watches decisions and pilots (console, monitor).</summary>
    Observer = 16,
    All = WmsStatus | BatchStatus | Scheduler | Submitter | Observer,
}
