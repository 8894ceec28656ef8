using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Apf.Contracts;
using Apf.Factory.Pilots;
using Apf.Monitoring.Api;
using Apf.Monitoring.State;

namespace Apf.Monitoring.Live;

/// <summary>
/// Pushes changes to every open page as Server-Sent Events: "queue" (the row of a queue that just decided or
/// submitted) and "pilot" (a pilot that reported or was found lost). A slow page loses its oldest updates,
/// never slows the factory; it re-reads /api/queues whenever it reconnects.
/// </summary>
public sealed class LiveUpdates
{
    public const string QueueEvent = "queue";
    public const string PilotEvent = "pilot";

    private readonly Lock _lock = new();
    private readonly List<Channel<SseItem<string>>> _subscribers = [];
    private readonly MonitorState _state;

    public LiveUpdates(MonitorState state)
    {
        _state = state;
        state.Decided += d => QueueChanged(d.Queue);
        state.Submitted += s => QueueChanged(s.Queue);
        state.PilotReported += (_, p) => PilotChanged(p);
    }

    public int Subscribers
    {
        get { lock (_lock) return _subscribers.Count; }
    }

    public void QueueChanged(string queue)
    {
        if (Subscribers == 0) return;
        if (_state.Summary(queue) is { } summary) Publish(QueueEvent, summary);
    }

    public void PilotChanged(PilotRecord pilot)
    {
        if (Subscribers == 0) return;
        Publish(PilotEvent, _state.View(pilot, _state.Time.GetUtcNow()));
        QueueChanged(pilot.Queue);
    }

    private void Publish<T>(string eventType, T payload)
    {
        var item = new SseItem<string>(JsonSerializer.Serialize(payload, MonitorJson.Options), eventType);
        lock (_lock)
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(item);
    }

    /// <summary>The stream of one page, until it goes away or the host stops.</summary>
    public async IAsyncEnumerable<SseItem<string>> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(512) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock) _subscribers.Add(channel);
        try
        {
            // Tells the page it is connected, so it can fetch the state it may have missed.
            yield return new SseItem<string>(JsonSerializer.Serialize(new { serverTime = _state.Time.GetUtcNow() }, MonitorJson.Options), "hello");
            while (true)
            {
                SseItem<string> item;
                try
                {
                    if (!await channel.Reader.WaitToReadAsync(cancellationToken)) yield break;
                    if (!channel.Reader.TryRead(out item)) continue;
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return item;
            }
        }
        finally
        {
            lock (_lock) _subscribers.Remove(channel);
        }
    }
}
