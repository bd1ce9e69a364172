namespace IdoPlatform.Launcher.Local;

/// <summary>
/// Starts a process that died again, after the <see cref="RestartBackOff"/>, trying until a start succeeds or
/// <c>./ido up</c> stops; says each step. The wait goes through <paramref name="delay"/> (Task.Delay in the
/// launcher), so a test sees the sequence of back-offs without waiting them.
/// </summary>
public sealed class DeadProcessRestarter(RestartBackOff backOff, Func<TimeSpan, CancellationToken, Task> delay, Action<string> say)
{
    /// <param name="start">Starts the process and returns once it is ready; throws when it did not come up.</param>
    /// <param name="describe">What to say once it is back (its pid).</param>
    public async Task RestartAsync(string name, int exitCode, string lastLines, Func<CancellationToken, Task> start,
        Func<string> describe, CancellationToken ct)
    {
        var wait = backOff.Next(name);
        say($"{name} died (exit code {exitCode}); restarting it in {wait.TotalSeconds:0} s. Its last lines:" +
            $"{Environment.NewLine}{lastLines}");
        while (true)
        {
            await delay(wait, ct);
            try
            {
                await start(ct);
                backOff.Started(name);
                say($"{name} is back ({describe()})");
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                wait = backOff.Next(name);
                say($"{name} did not come back ({exception.Message}); next attempt in {wait.TotalSeconds:0} s");
            }
        }
    }
}
