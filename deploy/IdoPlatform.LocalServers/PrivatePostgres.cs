using System.Diagnostics;
using Npgsql;

namespace IdoPlatform.LocalServers;

/// <summary>
/// A PostgreSQL of our own from the machine's binaries: initdb into a folder, pg_ctl start on a loopback
/// port, TCP only. PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user (or
/// <c>nobody</c>). Stopped and removed when disposed or when this process ends (see <see cref="InstanceDirectory"/>).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    public const string Superuser = "postgres";

    private readonly InstanceDirectory _instance;

    private PrivatePostgres(InstanceDirectory instance, int port, TimeSpan startedIn)
    {
        _instance = instance;
        Port = port;
        StartedIn = startedIn;
        ConnectionString = ConnectionStringFor(port);
    }

    public int Port { get; }

    /// <summary>Superuser connection to the <c>postgres</c> database (trust authentication on loopback).</summary>
    public string ConnectionString { get; }

    public TimeSpan StartedIn { get; }

    public string Folder => _instance.Path;

    public static async Task<PrivatePostgres> LaunchAsync(PrivatePostgresOptions? options = null)
    {
        options ??= new PrivatePostgresOptions();
        var bin = ServerBinaries.PostgresBinDirectory()
            ?? throw new FileNotFoundException(
                $"No PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or PATH. Install them: {ServerBinaries.InstallHint}");
        var clock = Stopwatch.StartNew();
        var instance = InstanceDirectory.Create("postgres");
        try
        {
            // The server's files live in a sub-folder it owns; the instance folder with the stop script that
            // root runs later stays root's.
            var home = Path.Combine(instance.Path, "pg");
            var data = options.DataDirectory ?? Path.Combine(home, "data");
            var runAs = Native.IsRoot ? UnprivilegedUser() : null;
            // Every process of this server names the sub-folder (the postmaster through external_pid_file).
            // Kept data gets a fast shutdown (with checkpoint), throw-away data an immediate one.
            instance.ArmStopScript(home + "/", options.DataDirectory is null ? "QUIT" : "INT");
            Directory.CreateDirectory(home);
            Directory.CreateDirectory(data);
            if (runAs is not null)
            {
                await Command.RunOrThrow("chown", ["-R", runAs, home, data]);
                await EnsureReachable(runAs, data);
            }
            if (!File.Exists(Path.Combine(data, "PG_VERSION")))
                await AsUser(runAs, Path.Combine(bin, "initdb"),
                    ["-D", data, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions"]);

            for (var attempt = 1; ; attempt++)
            {
                var port = options.Port != 0 ? options.Port : FreePort.Next();
                var started = await AsUserResult(runAs, Path.Combine(bin, "pg_ctl"),
                    ["-D", data, "-l", Path.Combine(home, "postgres.log"), "-w", "-t", "120",
                     "-o", ServerOptions(port, home, options), "start"]);
                if (started.ExitCode == 0)
                {
                    await WaitUntilItAnswers(ConnectionStringFor(port));
                    return new PrivatePostgres(instance, port, clock.Elapsed);
                }
                var log = ReadLog(home);
                var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                    || log.Contains("already in use", StringComparison.OrdinalIgnoreCase);
                if (!portTaken || options.Port != 0 || attempt == 3)
                    throw new InvalidOperationException(
                        $"PostgreSQL did not start in {instance.Path}:{Environment.NewLine}{started.Output}{Environment.NewLine}{log}");
            }
        }
        catch
        {
            instance.Stop();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _instance.Stop();
        return ValueTask.CompletedTask;
    }

    private static string ServerOptions(int port, string home, PrivatePostgresOptions options)
    {
        var settings = new List<string>
        {
            $"port={port}",
            "listen_addresses=127.0.0.1",
            "unix_socket_directories=''",
            $"external_pid_file='{home}/postgres.pid'", // names the instance folder on the command line too
            $"max_connections={options.MaxConnections}",
            // Our data sits in memory or on SSD. At the default (4, for spinning disks) the planner joined a daemon
            // page of 400 events to every row of mt_streams (a hash join over a table that grows with each visit,
            // 34 ms at 37,000 streams) instead of looking up the page's 400 streams (6 ms).
            "random_page_cost=1.1",
        };
        if (options.TunedForTests)
            settings.AddRange(["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
        return string.Join(' ', settings.Select(setting => $"-c {setting}"));
    }

    private static string ConnectionStringFor(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = Superuser,
        Database = "postgres",
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static async Task WaitUntilItAnswers(string connectionString)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string ReadLog(string home)
    {
        var path = Path.Combine(home, "postgres.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    /// <summary>A checkout under a private folder (root's home, mode 700) keeps the server's own user out of
    /// its data folder even after the chown: say so in one line instead of initdb's "Permission denied".</summary>
    private static async Task EnsureReachable(string user, string data)
    {
        var reach = await Command.Run("runuser", ["-u", user, "--", "test", "-w", data], timeout: TimeSpan.FromSeconds(30));
        if (reach.ExitCode != 0)
            throw new InvalidOperationException(
                $"PostgreSQL runs as user '{user}' (it refuses root) and cannot reach {data}, as a folder above it is private " +
                $"(e.g. /root, mode 700): move the checkout to a folder others may pass (e.g. /srv or /opt), or allow passing with " +
                $"chmod o+x on each private folder above it.");
    }

    /// <summary>The user PostgreSQL runs as when we are root: its own account if the package made one.</summary>
    private static string UnprivilegedUser() =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith($"{Superuser}:", StringComparison.Ordinal))
            ? Superuser
            : "nobody";

    private static Task<Command.Result> AsUserResult(string? user, string program, IEnumerable<string> arguments) =>
        user is null
            ? Command.Run(program, arguments, timeout: TimeSpan.FromMinutes(3))
            : Command.Run("runuser", ["-u", user, "--", program, .. arguments], timeout: TimeSpan.FromMinutes(3));

    private static async Task AsUser(string? user, string program, IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        var result = await AsUserResult(user, program, list);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({result.ExitCode}):{Environment.NewLine}{result.Output}");
    }
}
