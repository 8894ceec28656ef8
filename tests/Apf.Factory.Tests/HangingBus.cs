using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace Apf.Factory.Tests;

/// <summary>
/// An <see cref="IBus"/> whose first publishes never complete and ignore their token, as a RabbitMQ publish
/// whose confirmation was lost with its connection; later publishes succeed and are kept.
/// </summary>
public class HangingBus : DispatchProxy
{
    private int _calls;
    private int _hanging;

    public ConcurrentQueue<object> Published { get; } = new();

    /// <summary>Publishes attempted so far, hung ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static (IBus Bus, HangingBus Probe) Create(int hangingPublishes)
    {
        var bus = DispatchProxy.Create<IBus, HangingBus>();
        var probe = (HangingBus)(object)bus;
        probe._hanging = hangingPublishes;
        return (bus, probe);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IPublishEndpoint.Publish))
            throw new NotSupportedException($"{targetMethod?.Name} is not part of this test");
        if (Interlocked.Increment(ref _calls) <= _hanging) return new TaskCompletionSource().Task;
        Published.Enqueue(args![0]!);
        return Task.CompletedTask;
    }
}
