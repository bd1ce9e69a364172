namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>Waits for an asynchronous effect (a consumed message); the bound only turns a hang into a failure.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, Func<T, bool> done, string what) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await probe();
            if (value is not null && done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still not so after {Patience.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }
}
