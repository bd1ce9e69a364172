namespace IdoPlatform.Launcher.Local;

/// <summary><c>./ido restart &lt;name&gt;</c>: asks the running <c>./ido up</c> to restart one process (it stops
/// it with SIGTERM, starts it again and waits until it is ready) and waits until it has.</summary>
public static class RestartCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string root, string name)
    {
        var names = ServiceDefinition.All.Select(d => d.Name).ToList();
        if (!names.Contains(name))
        {
            Console.Error.WriteLine($"No process '{name}'; ./ido up runs: {string.Join(", ", names)}");
            return 64;
        }
        var folders = new LocalFolders(root);
        if (RunningUp.Read(folders) is not { IsAlive: true } || UpState.Read(folders) is not { } before)
        {
            Console.Error.WriteLine("IdoPlatform is not running (start it with ./ido up).");
            return 3;
        }

        var oldPid = before.Processes.Single(p => p.Name == name).Pid;
        Directory.CreateDirectory(folders.RestartRequests);
        await File.WriteAllTextAsync(Path.Combine(folders.RestartRequests, name), "");
        Console.Write($"Restarting {name} ");
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            Console.Write('.');
            if (UpState.Read(folders)?.Processes.Single(p => p.Name == name).Pid is { } pid && pid != oldPid)
            {
                Console.WriteLine($" ready (pid {pid}).");
                return 0;
            }
        }
        Console.WriteLine();
        Console.Error.WriteLine($"{name} is not back after {Patience.TotalMinutes:0} minutes; see ./ido status and .data/logs/{name}.log");
        return 1;
    }
}
