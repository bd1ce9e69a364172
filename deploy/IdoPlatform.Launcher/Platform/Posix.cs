using System.Runtime.InteropServices;

namespace IdoPlatform.Launcher;

/// <summary>Signals by pid (.NET only kills), and a process's identity that survives pid reuse.</summary>
public static class Posix
{
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>The kernel's start time of a process (clock ticks since boot), or null when it is gone.</summary>
    public static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name in parentheses may contain spaces; the fields after it are plain.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
