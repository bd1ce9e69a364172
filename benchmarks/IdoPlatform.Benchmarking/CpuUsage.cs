namespace IdoPlatform.Benchmarking;

/// <summary>
/// CPU time per part of the platform, from /proc: what each process used between two samples. On a shared
/// machine throughput swings with everyone else's load; CPU time per registration swings far less, and says
/// which part the time goes to.
/// </summary>
public sealed class CpuUsage(IReadOnlyList<(string Name, Func<IEnumerable<int>> Pids)> parts)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>This process and the private PostgreSQL it started.</summary>
    public static CpuUsage ClientAndPostgres() => new(
    [
        ("client", () => [Environment.ProcessId]),
        ("postgresql", () => PrivateServer("postgres")),
    ]);

    /// <summary>The processes of a private server ("postgres", "rabbitmq") this process started, found by the folder
    /// IdoPlatform.LocalServers gives it (<c>/tmp/ido-real-servers/&lt;kind&gt;-&lt;owner pid&gt;-…</c>).</summary>
    public static IEnumerable<int> PrivateServer(string kind) =>
        ProcessTree($"/ido-real-servers/{kind}-{Environment.ProcessId}-");

    public IReadOnlyDictionary<string, double> Sample() =>
        parts.ToDictionary(part => part.Name, part => part.Pids().Sum(CpuSeconds));

    /// <summary>The postmaster (by its data folder) and its backends; the RabbitMQ VM (by its HOME) and its helpers.</summary>
    public static IEnumerable<int> ProcessTree(string commandLineFragment)
    {
        var roots = Pids().Where(pid => CommandLine(pid).Contains(commandLineFragment, StringComparison.Ordinal)).ToHashSet();
        return roots.Concat(Pids().Where(pid => Parent(pid) is { } parent && roots.Contains(parent)));
    }

    /// <summary>User and system time, including children it has reaped (a postmaster reaps its ended backends).</summary>
    private static double CpuSeconds(int pid)
    {
        var fields = StatFields(pid);
        if (fields is null)
            return 0;
        return (long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond;
    }

    private static int? Parent(int pid) => StatFields(pid) is { } fields ? int.Parse(fields[1]) : null;

    /// <summary>The fields after the command name (which may hold spaces): [0] is the state, [1] the parent.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0);
}
