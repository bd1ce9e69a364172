namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>The service's clock, set by the tests (e.g. to before a code was retired), never waited on.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate) _now = now;
    }
}
