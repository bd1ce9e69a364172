namespace IdoPlatform.Launcher.Local;

/// <summary><c>./ido restart &lt;name&gt;</c>: asks the running <c>./ido up</c> to restart a process (it stops it
/// with SIGTERM, starts it again and waits until it is ready) and waits until it has. A service's name restarts
/// each of its instances in turn (rolling: with replicas the service keeps answering); <c>registrations-2</c>
/// restarts that instance alone.</summary>
public static class RestartCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string root, string name)
    {
        var folders = new LocalFolders(root);
        if (RunningUp.Read(folders) is not { IsAlive: true } || UpState.Read(folders) is not { } before)
        {
            Console.Error.WriteLine("IdoPlatform is not running (start it with ./ido up).");
            return 3;
        }
        var asked = Supervisor.Named(before.Processes, p => p.Name, name);
        if (asked.Count == 0)
        {
            var names = before.Processes.Select(p => p.Name)
                .Concat(before.Processes.Where(p => p.Name.Contains('-')).Select(p => p.Name[..p.Name.LastIndexOf('-')]))
                .Distinct().Order();
            Console.Error.WriteLine($"No process '{name}'; ./ido up runs: {string.Join(", ", names)}");
            return 64;
        }

        var oldPids = asked.ToDictionary(p => p.Name, p => p.Pid);
        Directory.CreateDirectory(folders.RestartRequests);
        await File.WriteAllTextAsync(Path.Combine(folders.RestartRequests, name), "");
        Console.Write(asked.Count == 1 ? $"Restarting {name} " : $"Restarting {string.Join(", then ", oldPids.Keys)} ");
        var deadline = DateTimeOffset.UtcNow + Patience * asked.Count;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            Console.Write('.');
            var now = UpState.Read(folders)?.Processes.Where(p => oldPids.ContainsKey(p.Name)).ToList() ?? [];
            if (now.Count == oldPids.Count && now.All(p => p.Pid is { } pid && pid != oldPids[p.Name]))
            {
                Console.WriteLine($" ready (pid {string.Join(", ", now.Select(p => p.Pid))}).");
                return 0;
            }
        }
        Console.WriteLine();
        Console.Error.WriteLine($"{name} is not back after {(Patience * asked.Count).TotalMinutes:0} minutes; see ./ido status and .data/logs/{name}*.log");
        return 1;
    }
}
