namespace Apf.Factory.Status;

/// <summary>Runs one plugin call under the queue's timeout, so a hung plugin fails only its own queue.</summary>
public static class PluginCall
{
    public static async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            return await call(cts.Token).WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not answer within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>A one-line reason for the console and the queue's status (no stack traces for operators).</summary>
    public static string Describe(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerExceptions[0]),
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
