using Xunit;

namespace IdoPlatform.Testing.Services;

/// <summary>Waits for an asynchronous effect (a consumed or relayed message); the bound only turns a hang into a failure.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>The probe's first non-null answer.</summary>
    public static Task<T> Get<T>(Func<Task<T?>> probe, string what) where T : class => Get(probe, _ => true, what);

    /// <summary>The probe's first non-null answer that is <paramref name="done"/>.</summary>
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
