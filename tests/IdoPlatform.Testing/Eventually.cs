using Xunit;

namespace IdoPlatform.Testing;

/// <summary>
/// Asks again until an asynchronous effect shows (a consumed or relayed message, a health probe noticing a
/// service, a rebuild finishing) instead of sleeping a fixed time. The bound only turns a hang into a failure
/// that says what was awaited and what came last; nothing is asserted about how long it took.
/// </summary>
public static class Eventually
{
    /// <summary>How long to wait unless told otherwise: generous, for a machine shared by many test runs.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>Between two questions to the process itself, its database or its broker.</summary>
    public static readonly TimeSpan ShortPause = TimeSpan.FromMilliseconds(50);

    /// <summary>Between two requests through the gateway: each one counts against the account's rate limit.</summary>
    public static readonly TimeSpan GatewayPause = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        Until(condition, holds => holds, within ?? Patience, what, _ => "false", ShortPause);

    /// <summary>The probe's first non-null answer.</summary>
    public static Task<T> Get<T>(Func<Task<T?>> probe, string what) where T : class => Get(probe, _ => true, what);

    /// <summary>The probe's first non-null answer that is <paramref name="done"/>.</summary>
    public static async Task<T> Get<T>(Func<Task<T?>> probe, Func<T, bool> done, string what) where T : class =>
        (await Until(probe, value => value is not null && done(value), Patience, what, pause: ShortPause))!;

    /// <summary>The first answer of <paramref name="ask"/> that is <paramref name="done"/>; answers passed over are
    /// disposed when they are disposable (HTTP responses). <paramref name="describe"/> shows the last answer in the
    /// failure (default: its ToString()); the pause defaults to <see cref="GatewayPause"/>.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan within, string what,
        Func<T, string>? describe = null, TimeSpan? pause = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var answer = await ask();
            if (done(answer))
                return answer;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Still waiting for {what} after {within.TotalSeconds:0} s. Last answer: " +
                            (describe ?? (a => a?.ToString() ?? "null"))(answer));
            (answer as IDisposable)?.Dispose();
            await Task.Delay(pause ?? GatewayPause);
        }
    }
}
