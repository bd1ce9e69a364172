using System.Diagnostics;

namespace IdoPlatform.Launcher.Local;

/// <summary><c>./ido down</c>: asks the running <c>./ido up</c> to stop (SIGTERM, as Ctrl-C) and waits until it has.</summary>
public static class DownCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string root)
    {
        var folders = new LocalFolders(root);
        if (RunningUp.Read(folders) is not { IsAlive: true } running)
        {
            RunningUp.Forget(folders); // leftovers of a run that was killed
            Console.WriteLine("IdoPlatform is not running.");
            return 0;
        }
        Console.Write($"Stopping IdoPlatform (./ido up, pid {running.Pid}) ");
        Posix.Signal(running.Pid, Posix.SigTerm);
        var clock = Stopwatch.StartNew();
        while (running.IsAlive)
        {
            if (clock.Elapsed > Patience)
            {
                Console.WriteLine();
                Console.Error.WriteLine($"It did not stop within {Patience.TotalMinutes:0} minutes; killing it " +
                                        "(its watchdogs stop the services and servers).");
                Posix.Signal(running.Pid, 9);
                return 1;
            }
            Console.Write('.');
            await Task.Delay(500);
        }
        Console.WriteLine($" stopped in {clock.Elapsed.TotalSeconds:0} s (the data stays in .data/).");
        return 0;
    }
}
