using System.Collections.Concurrent;
using IdoPlatform.Testing.Private;

namespace IdoPlatform.Launcher.Local;

/// <summary>
/// Keeps <c>./ido up</c>'s processes running. A process that died is started again after a back-off
/// (1 s, doubling to 30 s; back to 1 s once it ran for a minute); <c>./ido restart &lt;name&gt;</c> leaves a
/// request file that restarts one at once. Says when PostgreSQL or RabbitMQ stops answering, and when it
/// answers again (the services wait for them on their own).
/// </summary>
public sealed class Supervisor(Platform platform, LocalFolders folders, int postgresPort, int amqpPort,
    Action<string> say, Action restarted)
{
    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RanLongEnough = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<PlatformService, (DateTimeOffset StartedAt, TimeSpan BackOff)> _history = new();
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
            var backOff = NextBackOff(process.Service);
            say($"{process.Name} died (exit code {exitCode}); restarting it in {backOff.TotalSeconds:0} s. Its last lines:" +
                $"{Environment.NewLine}{process.Log.Tail(10)}");
            while (true)
            {
                await Task.Delay(backOff, ct);
                try
                {
                    await StartAsync(process.Service, ct);
                    say($"{process.Name} is back (pid {process.ProcessId})");
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    backOff = NextBackOff(process.Service);
                    say($"{process.Name} did not come back ({exception.Message}); next attempt in {backOff.TotalSeconds:0} s");
                }
            }
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
        _history.AddOrUpdate(service, _ => (DateTimeOffset.UtcNow, FirstBackOff), (_, h) => (DateTimeOffset.UtcNow, h.BackOff));
        restarted();
    }

    private TimeSpan NextBackOff(PlatformService service)
    {
        var (startedAt, last) = _history.GetValueOrDefault(service, (DateTimeOffset.MinValue, TimeSpan.Zero));
        var next = last == TimeSpan.Zero || DateTimeOffset.UtcNow - startedAt > RanLongEnough
            ? FirstBackOff
            : TimeSpan.FromTicks(Math.Min(LongestBackOff.Ticks, last.Ticks * 2));
        _history[service] = (startedAt, next);
        return next;
    }
}
