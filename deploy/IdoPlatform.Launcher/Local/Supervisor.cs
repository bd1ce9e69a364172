using System.Collections.Concurrent;
using IdoPlatform.LocalServers;

namespace IdoPlatform.Launcher.Local;

/// <summary>
/// Keeps <c>./ido up</c>'s processes running. A process (one instance of a replicated service) that died is
/// started again after a back-off (1 s, doubling to 30 s; back to 1 s once it ran for a minute);
/// <c>./ido restart &lt;name&gt;</c> leaves a request file that restarts one at once: a service's instances one
/// after the other (rolling), or the one instance named. Says when PostgreSQL or RabbitMQ stops answering,
/// and when it answers again (the services wait for them on their own). The restart of a dead process and its back-off are
/// <see cref="DeadProcessRestarter"/> and <see cref="RestartBackOff"/> (tested with a real child process).
/// </summary>
public sealed class Supervisor(Platform platform, LocalFolders folders, int postgresPort, int amqpPort,
    Action<string> say, Action restarted)
{
    private readonly RestartBackOff _backOff = new(TimeProvider.System);
    private readonly ConcurrentDictionary<ServiceProcess, bool> _restarting = new();

    public async Task RunAsync(CancellationToken ct)
    {
        platform.ProcessExitedUnexpectedly += (process, code) => _ = RestartDeadAsync(process, code, ct);
        Directory.CreateDirectory(folders.RestartRequests);
        bool? postgres = true, rabbit = true;
        while (!ct.IsCancellationRequested)
        {
            foreach (var request in Directory.GetFiles(folders.RestartRequests))
            {
                File.Delete(request);
                var asked = Path.GetFileName(request);
                if (platform.Processes.Any(p => p.Name == asked || p.Definition.Name == asked))
                    _ = RestartOnRequestAsync(asked, ct);
            }
            postgres = await Report("PostgreSQL", postgresPort, postgres);
            rabbit = await Report("RabbitMQ", amqpPort, rabbit);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>The processes a <c>./ido restart</c> name stands for: one instance by its own name, or every
    /// instance of a service by the service's name.</summary>
    public static IReadOnlyList<T> Named<T>(IEnumerable<T> processes, Func<T, string> name, string asked) =>
        [.. processes.Where(p => name(p) == asked || name(p).StartsWith(asked + "-", StringComparison.Ordinal))];

    private async Task<bool?> Report(string server, int port, bool? wasAnswering)
    {
        var answers = await FreePort.Accepts(port);
        if (answers != wasAnswering)
            say(answers
                ? $"{server} answers again on 127.0.0.1:{port}"
                : $"{server} stopped answering on 127.0.0.1:{port}; the services wait and retry (see .data/logs/)");
        return answers;
    }

    /// <summary>One after the other: with replicas, the others serve meanwhile.</summary>
    private async Task RestartOnRequestAsync(string asked, CancellationToken ct)
    {
        foreach (var process in Named(platform.Processes, p => p.Name, asked))
        {
            if (!_restarting.TryAdd(process, true)) continue;
            try
            {
                say($"restarting {process.Name} (./ido restart)");
                await platform.StopInstanceAsync(process);
                await StartAsync(process, ct);
                say($"{process.Name} is back (pid {process.ProcessId})");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                say($"restarting {process.Name} failed: {exception.Message}; trying again");
                _restarting.TryRemove(process, out _);
                await RestartDeadAsync(process, -1, ct);
                continue;
            }
            catch (OperationCanceledException)
            {
                return; // ./ido up is stopping.
            }
            _restarting.TryRemove(process, out _);
        }
    }

    private async Task RestartDeadAsync(ServiceProcess process, int exitCode, CancellationToken ct)
    {
        if (ct.IsCancellationRequested || !_restarting.TryAdd(process, true)) return;
        try
        {
            await new DeadProcessRestarter(_backOff, Task.Delay, say).RestartAsync(process.Name, exitCode, process.Log.Tail(10),
                token => StartAsync(process, token), () => $"pid {process.ProcessId}", ct);
        }
        catch (OperationCanceledException)
        {
            // ./ido up is stopping.
        }
        finally
        {
            _restarting.TryRemove(process, out _);
        }
    }

    private async Task StartAsync(ServiceProcess process, CancellationToken ct)
    {
        await platform.StartInstanceAsync(process, ct);
        _backOff.Started(process.Name);
        restarted();
    }
}
