namespace IdoPlatform.LocalServers;

/// <summary>Finds the machine's PostgreSQL and RabbitMQ server programs (Debian layout first, then PATH).</summary>
public static class ServerBinaries
{
    public const string InstallHint = "apt-get install postgresql rabbitmq-server";

    /// <summary>The folder holding initdb, pg_ctl and postgres; the newest Debian version wins.</summary>
    public static string? PostgresBinDirectory(IEnumerable<string>? candidates = null)
    {
        candidates ??= DebianPostgresVersions()
            .Concat(PathDirectories())
            .Append("/usr/local/pgsql/bin");
        return candidates.FirstOrDefault(folder =>
            File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
    }

    /// <summary>RabbitMQ's own start script (not Debian's wrapper in /usr/sbin, which switches user).</summary>
    public static string? RabbitMqServerScript(IEnumerable<string>? candidates = null)
    {
        candidates ??= ["/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin", .. PathDirectories()];
        return candidates
            .Select(folder => Path.Combine(folder, "rabbitmq-server"))
            .FirstOrDefault(script => File.Exists(script) && File.Exists(Path.Combine(Path.GetDirectoryName(script)!, "rabbitmq-env")));
    }

    private static IEnumerable<string> DebianPostgresVersions()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return [];
        return Directory.GetDirectories(root)
            .Select(folder => (folder, version: int.TryParse(Path.GetFileName(folder), out var number) ? number : -1))
            .OrderByDescending(entry => entry.version)
            .Select(entry => Path.Combine(entry.folder, "bin"));
    }

    private static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
}
