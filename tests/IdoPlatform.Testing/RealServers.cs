using System.Collections.Concurrent;
using IdoPlatform.Testing.Docker;
using IdoPlatform.LocalServers;
using IdoPlatform.LocalServers.RabbitMq;
using Testcontainers.RabbitMq;

namespace IdoPlatform.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ for tests, started once per process on first use and removed when the
/// process ends. Where they come from, first match wins:
/// <list type="number">
/// <item><c>IDO_TEST_POSTGRES</c> (a superuser connection string) / <c>IDO_TEST_RABBITMQ</c> (an amqp URI;
/// its management API at <c>IDO_TEST_RABBITMQ_MANAGEMENT</c>, default port 15672 on the same host);</item>
/// <item>Testcontainers, when a Docker engine answers;</item>
/// <item>private instances from the machine's binaries (<see cref="PrivatePostgres"/>, <see cref="PrivateRabbitMq"/>).</item>
/// </list>
/// <c>IDO_TEST_SERVERS=private</c> or <c>=docker</c> skips the Docker question.
/// </summary>
public static class RealServers
{
    public const string PostgresVariable = "IDO_TEST_POSTGRES";
    public const string RabbitMqVariable = "IDO_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "IDO_TEST_RABBITMQ_MANAGEMENT";
    public const string ServersVariable = "IDO_TEST_SERVERS";

    private static readonly Lazy<Task<bool>> UseDocker = new(DecideDocker);
    private static readonly Lazy<Task<PostgresServer>> SharedPostgres = new(() => Task.Run(StartPostgres));
    private static readonly Lazy<Task<RabbitMqServer>> SharedRabbitMq = new(() => Task.Run(() => StartRabbitMq(own: false)));
    private static readonly ConcurrentStack<IAsyncDisposable> ToRemoveAtExit = new();

    static RealServers() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

    /// <summary>The PostgreSQL server this process shares.</summary>
    public static Task<PostgresServer> PostgresAsync() => SharedPostgres.Value;

    /// <summary>The RabbitMQ broker this process shares (it cannot be stopped).</summary>
    public static Task<RabbitMqServer> RabbitMqAsync() => SharedRabbitMq.Value;

    /// <summary>A broker of the caller's own, which it may stop and start; dispose it when done.
    /// Never the one <c>IDO_TEST_RABBITMQ</c> names: nobody else may be stopped by our tests.</summary>
    public static Task<RabbitMqServer> StartOwnRabbitMqAsync() => Task.Run(() => StartRabbitMq(own: true));

    /// <summary>A private PostgreSQL of the caller's own with a deployment's durability (fsync and synchronous commit
    /// on, as <c>./ido up</c> runs it), for benchmarks that must not flatter what waits for the disk; dispose it when done.</summary>
    public static Task<PostgresServer> StartDurablePostgresAsync() =>
        LaunchPrivatePostgres(new PrivatePostgresOptions { TunedForTests = false }, "private durable PostgreSQL");

    /// <summary>Shortcut: a fresh database on the shared server.</summary>
    public static async Task<string> NewDatabaseAsync(string prefix) =>
        await (await PostgresAsync()).CreateDatabaseAsync(prefix);

    /// <summary>Shortcut: a fresh virtual host on the shared broker.</summary>
    public static async Task<Uri> NewVirtualHostAsync(string prefix) =>
        await (await RabbitMqAsync()).CreateVirtualHostAsync(prefix);

    private static async Task<PostgresServer> StartPostgres()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } given)
            return Remember(new PostgresServer(given, PostgresVariable, TimeSpan.Zero, () => ValueTask.CompletedTask, dropDatabasesAtEnd: true));

        if (await UseDocker.Value)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var container = await Containers.StartPostgresAsync();
            return Remember(new PostgresServer(
                container.GetConnectionString(), $"Testcontainers {container.Image.FullName}", clock.Elapsed,
                container.DisposeAsync, dropDatabasesAtEnd: false));
        }

        if (ServerBinaries.PostgresBinDirectory() is null)
            throw RealServersUnavailableException.For("PostgreSQL", PostgresVariable, DockerEngine.Endpoint,
                "no PostgreSQL server binaries (initdb, pg_ctl) are in /usr/lib/postgresql/*/bin or on PATH");
        return await LaunchPrivatePostgres(new PrivatePostgresOptions(), "private PostgreSQL");
    }

    private static async Task<PostgresServer> LaunchPrivatePostgres(PrivatePostgresOptions options, string kind)
    {
        var server = await PrivatePostgres.LaunchAsync(options);
        return Remember(new PostgresServer(
            server.ConnectionString, $"{kind} in {server.Folder}", server.StartedIn, server.DisposeAsync, dropDatabasesAtEnd: false));
    }

    private static async Task<RabbitMqServer> StartRabbitMq(bool own)
    {
        if (!own && Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } given)
            return Remember(FromEnvironment(new Uri(given)));

        if (await UseDocker.Value)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var container = await Containers.StartRabbitMqAsync(fixedHostPorts: own);
            var amqp = new Uri(container.GetConnectionString());
            var management = new ManagementApi(Containers.ManagementUri(container), Containers.RabbitMqUser, Containers.RabbitMqUser);
            // The container counts as started at "Server startup complete"; the HTTP API follows a moment later.
            for (var wait = 0; !await management.AnswersAsync() && wait < 300; wait++)
                await Task.Delay(200);
            return Remember(new RabbitMqServer(
                amqp, management, $"Testcontainers {container.Image.FullName}", clock.Elapsed,
                own ? new ContainerControl(container, amqp) : null, container.DisposeAsync, deleteVirtualHostsAtEnd: false));
        }

        if (ServerBinaries.RabbitMqServerScript() is null)
            throw RealServersUnavailableException.For("RabbitMQ", own ? null : RabbitMqVariable, DockerEngine.Endpoint,
                "no RabbitMQ server (/usr/lib/rabbitmq/bin/rabbitmq-server) is installed");
        var broker = await PrivateRabbitMq.LaunchAsync();
        return Remember(new RabbitMqServer(
            broker.AmqpUri, broker.Management, $"private RabbitMQ node {broker.NodeName} in {broker.Folder}", broker.StartedIn,
            own ? new PrivateNodeControl(broker) : null, broker.DisposeAsync, deleteVirtualHostsAtEnd: false));
    }

    private static RabbitMqServer FromEnvironment(Uri amqp)
    {
        var credentials = amqp.UserInfo.Split(':', 2) is [var user, var password] && user.Length > 0
            ? (User: Uri.UnescapeDataString(user), Password: Uri.UnescapeDataString(password))
            : (User: "guest", Password: "guest");
        var managementUri = Environment.GetEnvironmentVariable(RabbitMqManagementVariable) is { Length: > 0 } management
            ? new Uri(management)
            : new Uri($"http://{amqp.Host}:15672/");
        return new RabbitMqServer(
            amqp, new ManagementApi(managementUri, credentials.User, credentials.Password), RabbitMqVariable, TimeSpan.Zero,
            control: null, () => ValueTask.CompletedTask, deleteVirtualHostsAtEnd: true);
    }

    private static async Task<bool> DecideDocker() =>
        Environment.GetEnvironmentVariable(ServersVariable)?.Trim().ToLowerInvariant() switch
        {
            "private" => false,
            "docker" => true,
            _ => await DockerEngine.AnswersAsync(),
        };

    private static T Remember<T>(T server) where T : IAsyncDisposable
    {
        ToRemoveAtExit.Push(server);
        return server;
    }

    private static void RemoveAll()
    {
        // A test runner may kill its host moments after the run; whatever is not done by then the
        // watchdogs finish (see InstanceDirectory), so remove everything at once, not one by one.
        var all = Task.WhenAll(ToRemoveAtExit.Select(server => Task.Run(async () =>
        {
            try
            {
                await server.DisposeAsync();
            }
            catch (Exception exception)
            {
                // Leftovers are swept by the watchdog or the next run; say why, don't hang the exit.
                Console.Error.WriteLine($"Removing a test server failed: {exception.Message}");
            }
        })));
        all.Wait(TimeSpan.FromSeconds(30));
    }

    private sealed class ContainerControl(RabbitMqContainer container, Uri amqp) : IBrokerControl
    {
        public Task StopAsync() => container.StopAsync();

        public async Task StartAsync()
        {
            await container.StartAsync();
            while (!await AmqpProbe.AcceptsConnectionAsync(amqp))
                await Task.Delay(200);
        }
    }

    private sealed class PrivateNodeControl(PrivateRabbitMq broker) : IBrokerControl
    {
        public Task StopAsync() => broker.StopAsync();

        public Task StartAsync() => broker.StartAsync();
    }
}
