namespace Apf.Core.Plugins;

/// <summary>
/// For batch systems whose pilots live and die with the factory (local processes): stop them cleanly
/// when the factory stops, so no job is left half-claimed.
/// </summary>
public interface IStopPilotsOnShutdown
{
    Task StopPilotsAsync(string factory, CancellationToken cancellationToken);
}
