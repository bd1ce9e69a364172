namespace IdoPlatform.Gateway.Tests.Support;

/// <summary>Waits for a condition that becomes true in the background (a health probe noticing a
/// service). The deadline only bounds a failing test; nothing is asserted about how long it took.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await attempt();
            if (done(value) || DateTime.UtcNow > until)
                return value;
            if (value is IDisposable disposable) disposable.Dispose();
            await Task.Delay(200);
        }
    }
}
