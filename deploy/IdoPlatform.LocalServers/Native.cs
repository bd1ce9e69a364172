using System.Runtime.InteropServices;

namespace IdoPlatform.LocalServers;

/// <summary>The few POSIX calls .NET has no managed API for.</summary>
internal static class Native
{
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static void Signal(int pid, int signal) => _ = Kill(pid, signal);

    /// <summary>The kernel's start time of a process (clock ticks since boot), or null when it is gone:
    /// with the pid it names one process, even after the pid is reused.</summary>
    public static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name in parentheses may contain spaces; the fields after it are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
