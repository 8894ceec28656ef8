using MassTransit;

namespace Apf.Factory.Hosting;

/// <summary>
/// A publish that gives control back after a time limit, whatever the transport does. Over RabbitMQ with
/// publisher confirms, a publish caught by the broker closing the connection can wait for ever: its
/// confirmation is registered after the channel's shutdown has failed the outstanding ones, no confirmation
/// comes on a dead channel, and neither MassTransit 8.5 nor RabbitMQ.Client 7.2 hands the caller's token to
/// that wait (rabbitmq-dotnet-client#1930). One such publish stopped the Scheduler's loop for good after a
/// broker restart: it received status again but never decided again.
/// Past the limit the caller gets a <see cref="TimeoutException"/> and the message's fate is unknown (it may
/// still reach the broker), which every caller tolerates: a status snapshot is replaced by the next poll, a
/// submit command counts as in flight until its result or its expiry, a decision is information, and a
/// Submitter's result is recorded in its ledger before it is published.
/// </summary>
public static class BoundedPublish
{
    /// <summary>
    /// Long enough for a healthy broker under load (a confirm waits for the broker's disk), short enough that a
    /// lost publish costs one gap, not the service. While the broker is away a publish waits for the
    /// reconnection; past this it fails and the next turn publishes afresh.
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task PublishWithinLimit<T>(this IPublishEndpoint endpoint, T message, TimeProvider time, CancellationToken cancellationToken)
        where T : class =>
        endpoint.PublishWithin(message, Limit, time, cancellationToken);

    public static async Task PublishWithin<T>(this IPublishEndpoint endpoint, T message, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // The token is passed on for the waits that honour it (a connection being re-established);
            // WaitAsync is what bounds the one that does not.
            await endpoint.Publish(message, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"publishing {typeof(T).Name} did not complete within {limit.TotalSeconds:0.#} s (broker away, or the connection lost mid-publish)");
        }
    }
}
