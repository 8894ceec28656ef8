using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apf.Factory.Configuration;

/// <summary>
/// Loads the configuration from the config service at start and then on a slow poll: the safety net
/// for ConfigChanged events that never arrive. Until the service has answered once (the factory may be
/// running from its cached copy meanwhile) it retries often.
/// </summary>
public sealed class ConfigServiceWatcher(
    ConfigServiceConfigProvider provider,
    ConfigServiceOptions options,
    TimeProvider time,
    ILogger<ConfigServiceWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RetryUntilLoaded = TimeSpan.FromSeconds(15);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load happens before the other workers start, so the first cycle already has its queues.
        if (!await provider.ReloadAsync(cancellationToken).ConfigureAwait(false) && !provider.HasConfiguration && !provider.LoadCache())
            logger.LogWarning("No configuration yet from {Url}: no queue runs until the service answers", options.Url);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = provider.HasAnswered || RetryUntilLoaded > options.PollInterval ? options.PollInterval : RetryUntilLoaded;
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                await provider.ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
