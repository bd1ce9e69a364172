namespace IdoPlatform.LocalServers;

/// <summary>
/// A private server's own folder under /tmp/ido-real-servers, tied to the process that started it.
/// The folder holds a <c>stop.sh</c> that stops the server and removes the folder. It runs when the owner
/// exits normally, from a detached watchdog when the owner dies (a test runner may kill its host), and
/// from the next start's sweep if both were missed. It only signals processes whose command line names
/// a path in the folder, so nothing else is ever hit.
/// </summary>
public sealed class InstanceDirectory
{
    private const string OwnerFile = "owner";
    private const string StopScript = "stop.sh";

    public static string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ido-real-servers");

    private InstanceDirectory(string path) => Path = path;

    public string Path { get; }

    public static InstanceDirectory Create(string kind)
    {
        ShareRoot();
        SweepLeftovers();
        var path = System.IO.Path.Combine(Root, $"{kind}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        var owner = Environment.ProcessId;
        File.WriteAllText(System.IO.Path.Combine(path, OwnerFile), $"{owner} {Native.StartTime(owner)}");
        return new InstanceDirectory(path);
    }

    /// <summary>
    /// Writes the stop script and starts the watchdog that runs it once this process is gone. The script
    /// sends <paramref name="signal"/> to every process whose command line contains
    /// <paramref name="commandLineMark"/> (a path inside this folder, so nothing else is ever hit), waits
    /// for them to go (then kills what is left), runs <paramref name="afterStop"/> and removes the folder.
    /// When the owner is gone it looks a second time a moment later: a start that was under way when the
    /// owner died may bring the server up just after the first look.
    /// </summary>
    public void ArmStopScript(string commandLineMark, string signal, string afterStop = "")
    {
        var script = $$"""
            #!/bin/sh
            # Stops the private server in this folder and removes the folder ("$1" = owner-gone: look twice).
            dir='{{Path}}'
            printf '%s\n' '{{commandLineMark}}' > "$dir/.mark"
            # The mark is read from a file so that grep's own command line does not contain it.
            server() { grep -laF -f "$dir/.mark" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3; }
            stop_server() {
              for pid in $(server); do kill -{{signal}} "$pid" 2>/dev/null; done
              i=0; while [ -n "$(server)" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
              for pid in $(server); do kill -KILL "$pid" 2>/dev/null; done
            }
            stop_server
            if [ "$1" = owner-gone ]; then sleep 1; stop_server; fi
            {{afterStop}}
            rm -rf "$dir"

            """;
        File.WriteAllText(StopScriptPath, script);
        Command.StartDetached(
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; sh '{StopScriptPath}' owner-gone");
    }

    private string StopScriptPath => System.IO.Path.Combine(Path, StopScript);

    /// <summary>Stops the server and removes the folder now (its owner is done with it).</summary>
    public void Stop()
    {
        if (File.Exists(StopScriptPath))
            _ = Command.Run("sh", [StopScriptPath], timeout: TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        else if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }

    /// <summary>The root is shared by every user's runs, like /tmp itself (and must be traversable for the
    /// postgres user whatever the umask).</summary>
    private static void ShareRoot()
    {
        Directory.CreateDirectory(Root);
        try
        {
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(Root, (UnixFileMode)0b1_111_111_111);
        }
        catch (UnauthorizedAccessException)
        {
            // Another user made it; they set the mode.
        }
    }

    /// <summary>Stops servers left behind by processes that no longer exist, in the background: a start
    /// should not wait for someone else's leftovers.</summary>
    public static void SweepLeftovers()
    {
        if (!Directory.Exists(Root))
            return;
        foreach (var folder in Directory.GetDirectories(Root))
        {
            if (OwnerIsAlive(folder))
                continue;
            try
            {
                var stopScript = System.IO.Path.Combine(folder, StopScript);
                if (File.Exists(stopScript))
                    Command.StartDetached($"sh '{stopScript}' owner-gone");
                else
                    Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another sweep or its watchdog is removing it right now.
            }
        }
    }

    private static bool OwnerIsAlive(string folder)
    {
        try
        {
            var owner = File.ReadAllText(System.IO.Path.Combine(folder, OwnerFile)).Split(' ');
            return Native.StartTime(int.Parse(owner[0])) == owner[1];
        }
        catch (FileNotFoundException)
        {
            // Being created right now, or half removed: leave it unless it is old.
            return Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10);
        }
        catch (Exception exception) when (exception is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
