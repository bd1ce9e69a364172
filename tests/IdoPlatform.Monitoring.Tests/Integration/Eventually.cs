namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>Waits for an asynchronous effect; the bound only turns a hang into a failure.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task True(Func<Task<bool>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Still not so after {Patience.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }
}
