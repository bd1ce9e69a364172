namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;

/// <summary>Waits for something asynchronous to become true; a generous bound turns a hang into a failure.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task True(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"Still not true after {Patience.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Asks until the answer satisfies <paramref name="done"/>; returns that answer.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var value = await ask();
            if (done(value)) return value;
            if (timeout.IsCancellationRequested) Assert.Fail($"Still not as expected after {Patience.TotalSeconds} s: {value}");
            await Task.Delay(50);
        }
    }
}
