namespace Apf.Testing.Factory;

/// <summary>Bounded waits for messages to settle on the in-memory bus (never the harness's 50-minute default).</summary>
public static class Wait
{
    public static async Task Until(Func<bool> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(10);
        }
    }
}
