namespace IdoPlatform.Testing.Services;

/// <summary>A clock the test sets or moves by hand (to before a code was retired, past an expiry):
/// time-dependent behaviour is proven by moving it, never by waiting.</summary>
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

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
