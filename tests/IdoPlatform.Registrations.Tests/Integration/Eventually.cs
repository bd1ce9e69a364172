namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>Waits for an asynchronous effect (a consumed or relayed message); the bound only turns a hang into a failure.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still not so after {Patience.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }
}
