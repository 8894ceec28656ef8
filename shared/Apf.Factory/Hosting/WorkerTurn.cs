using Microsoft.Extensions.Logging;

namespace Apf.Factory.Hosting;

/// <summary>
/// One turn of a worker loop that must outlive its failures: a publish refused while the broker is away
/// (or any other surprise) is logged and the next turn tries again, instead of the exception ending the
/// BackgroundService and, with it, the whole service host.
/// </summary>
internal static class WorkerTurn
{
    public static async Task RunAsync(Func<CancellationToken, Task> turn, ILogger logger, string what, CancellationToken stoppingToken)
    {
        try
        {
            await turn(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError("{What} failed, trying again next turn: {Reason}", what, e.GetType().Name + ": " + e.Message);
        }
    }
}
