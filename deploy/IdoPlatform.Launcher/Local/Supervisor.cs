using System.Collections.Concurrent;
using IdoPlatform.Testing.Private;

namespace IdoPlatform.Launcher.Local;

/// <summary>
/// Keeps <c>./ido up</c>'s processes running. A process that died is started again after a back-off
/// (1 s, doubling to 30 s; back to 1 s once it ran for a minute); <c>./ido restart &lt;name&gt;</c> leaves a
/// request file that restarts one at once. Says when PostgreSQL or RabbitMQ stops answering, and when it
/// answers again (the services wait for them on their own). The restart of a dead process and its back-off are
/// <see cref="DeadProcessRestarter"/> and <see cref="RestartBackOff"/> (tested with a real child process).
/// </summary>
public sealed class Supervisor(Platform platform, LocalFolders folders, int postgresPort, int amqpPort,
    Action<string> say, Action restarted)
{
    private readonly RestartBackOff _backOff = new(TimeProvider.System);
    private readonly ConcurrentDictionary<PlatformService, bool> _restarting = new();

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
                if (ServiceDefinition.All.FirstOrDefault(d => d.Name == Path.GetFileName(request)) is { } asked)
                    _ = RestartOnRequestAsync(asked.Service, ct);
            }
            postgres = await Report("PostgreSQL", postgresPort, postgres);
            rabbit = await Report("RabbitMQ", amqpPort, rabbit);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private async Task<bool?> Report(string server, int port, bool? wasAnswering)
    {
        var answers = await FreePort.Accepts(port);
        if (answers != wasAnswering)
            say(answers
                ? $"{server} answers again on 127.0.0.1:{port}"
                : $"{server} stopped answering on 127.0.0.1:{port}; the services wait and retry (see .data/logs/)");
        return answers;
    }

    private async Task RestartOnRequestAsync(PlatformService service, CancellationToken ct)
    {
        if (!_restarting.TryAdd(service, true)) return;
        try
        {
            var name = ServiceDefinition.Of(service).Name;
            say($"restarting {name} (./ido restart)");
            await platform.StopServiceAsync(service);
            await StartAsync(service, ct);
            say($"{name} is back (pid {platform.Process(service).ProcessId})");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            say($"restarting {ServiceDefinition.Of(service).Name} failed: {exception.Message}; trying again");
            _restarting.TryRemove(service, out _);
            await RestartDeadAsync(platform.Process(service), -1, ct);
            return;
        }
        _restarting.TryRemove(service, out _);
    }

    private async Task RestartDeadAsync(ServiceProcess process, int exitCode, CancellationToken ct)
    {
        if (ct.IsCancellationRequested || !_restarting.TryAdd(process.Service, true)) return;
        try
        {
            await new DeadProcessRestarter(_backOff, Task.Delay, say).RestartAsync(process.Name, exitCode, process.Log.Tail(10),
                token => StartAsync(process.Service, token), () => $"pid {process.ProcessId}", ct);
        }
        catch (OperationCanceledException)
        {
            // ./ido up is stopping.
        }
        finally
        {
            _restarting.TryRemove(process.Service, out _);
        }
    }

    private async Task StartAsync(PlatformService service, CancellationToken ct)
    {
        await platform.StartServiceAsync(service, ct);
        _backOff.Started(ServiceDefinition.Of(service).Name);
        restarted();
    }
}
