using System.Collections.Concurrent;

namespace IdoPlatform.Launcher.Local;

/// <summary>
/// How long to wait before starting a dead process again: 1 s, doubling with each death or failed start to 30 s, and
/// back to 1 s once the process ran for a minute. Time comes from the given clock, so tests move it.
/// </summary>
public sealed class RestartBackOff(TimeProvider clock)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RanLongEnough = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset StartedAt, TimeSpan Last)> _history = new();

    /// <summary>The process is running again (the back-off it reached is kept until it has run long enough).</summary>
    public void Started(string name) =>
        _history.AddOrUpdate(name, _ => (clock.GetUtcNow(), TimeSpan.Zero), (_, h) => (clock.GetUtcNow(), h.Last));

    /// <summary>The wait before the next start of a process that died or did not start.</summary>
    public TimeSpan Next(string name)
    {
        var (startedAt, last) = _history.GetValueOrDefault(name, (DateTimeOffset.MinValue, TimeSpan.Zero));
        var next = last == TimeSpan.Zero || clock.GetUtcNow() - startedAt > RanLongEnough
            ? First
            : TimeSpan.FromTicks(Math.Min(Longest.Ticks, last.Ticks * 2));
        _history[name] = (startedAt, next);
        return next;
    }
}
