using System.Collections.Concurrent;
using System.Diagnostics;
using IdoPlatform.Launcher.Local;
using IdoPlatform.Testing.Services;

namespace IdoPlatform.Deploy.Tests;

/// <summary>
/// ./ido up's supervision of a real child process (<c>sleep</c>): killed, it is started again; the back-off doubles
/// with each quick death or failed start and is back at 1 s once the process ran a minute. The waits are recorded, not
/// waited (the launcher passes Task.Delay), and the clock is a manual one, so nothing here depends on timing.
/// </summary>
public sealed class SupervisorRestartTests : IDisposable
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private readonly ConcurrentQueue<string> _said = new();
    private readonly SemaphoreSlim _restarted = new(0);
    private readonly DeadProcessRestarter _restarter;
    private readonly List<Process> _started = [];
    private int _failNextStarts;

    public SupervisorRestartTests()
    {
        _restarter = new DeadProcessRestarter(new RestartBackOff(_clock),
            (wait, _) => { _waits.Enqueue(wait); return Task.CompletedTask; }, _said.Enqueue);
    }

    private Process Current => _started[^1];

    [Fact]
    public async Task A_killed_process_is_started_again_with_a_back_off_that_grows_and_resets_after_a_minute()
    {
        await Start(CancellationToken.None);

        var first = await KillAndAwaitRestart();
        Assert.NotEqual(first, Current.Id);
        Assert.False(Current.HasExited);
        await KillAndAwaitRestart();
        await KillAndAwaitRestart();
        Assert.Equal([1, 2, 4], Seconds());

        _failNextStarts = 2; // the next death meets two failed starts before one succeeds
        await KillAndAwaitRestart();
        Assert.Equal([1, 2, 4, 8, 16, 30], Seconds()); // capped at 30 s
        Assert.Contains(_said, line => line.Contains("did not come back"));

        _clock.Advance(TimeSpan.FromMinutes(2)); // it ran longer than a minute: the next death waits 1 s again
        await KillAndAwaitRestart();
        Assert.Equal(1, Seconds()[^1]);
        Assert.False(Current.HasExited);
        Assert.Contains(_said, line => line.StartsWith("sleeper died (exit code", StringComparison.Ordinal));
    }

    private async Task<int> KillAndAwaitRestart()
    {
        var killed = Current;
        killed.Kill();
        Assert.True(await _restarted.WaitAsync(TimeSpan.FromMinutes(1)), "the killed process was not started again");
        return killed.Id;
    }

    private List<double> Seconds() => _waits.Select(w => w.TotalSeconds).ToList();

    /// <summary>Starts <c>sleep</c> and watches it: an unexpected exit goes to the restarter, as in the supervisor.</summary>
    private Task Start(CancellationToken ct)
    {
        if (_failNextStarts > 0)
        {
            _failNextStarts--;
            throw new InvalidOperationException("not ready in time");
        }
        var process = new Process { StartInfo = new ProcessStartInfo("sleep", "600"), EnableRaisingEvents = true };
        process.Exited += async (_, _) =>
        {
            await _restarter.RestartAsync("sleeper", process.ExitCode, "(no output)", Start, () => $"pid {Current.Id}", ct);
            _restarted.Release();
        };
        process.Start();
        _started.Add(process);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var process in _started)
        {
            process.EnableRaisingEvents = false;
            if (!process.HasExited) process.Kill();
            process.Dispose();
        }
    }
}
