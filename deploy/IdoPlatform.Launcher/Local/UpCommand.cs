using System.Diagnostics;
using System.Runtime.InteropServices;
using IdoPlatform.LocalServers;

namespace IdoPlatform.Launcher.Local;

/// <summary>
/// <c>./ido up</c>: private PostgreSQL and RabbitMQ with their data under <c>.data/</c> (kept between runs),
/// the services and the gateway built and started through <see cref="Platform"/> with demo seeds (loaded
/// idempotently by the services) and demo tokens on; prints where to go, then keeps them running
/// (<see cref="Supervisor"/>) until Ctrl-C or <c>./ido down</c>, and stops everything in order.
/// </summary>
public static class UpCommand
{
    private const string NodeName = "ido-local@localhost";

    public static async Task<int> RunAsync(string root, UpOptions up)
    {
        var folders = new LocalFolders(root);
        folders.Create();
        if (RunningUp.Read(folders) is { IsAlive: true } running)
        {
            Console.Error.WriteLine($"./ido up is already running (pid {running.Pid}). See `./ido status`; stop it with `./ido down`.");
            return 1;
        }
        RunningUp.WriteOurs(folders);

        using var stop = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we stop ourselves, in order
            if (!stop.IsCancellationRequested)
                Say("stopping (the services, then RabbitMQ and PostgreSQL)…");
            stop.Cancel();
        }

        PrivatePostgres? postgres = null;
        PrivateRabbitMq? rabbit = null;
        Platform? platform = null;
        var clock = Stopwatch.StartNew();
        try
        {
            // The servers boot while the build runs: both take a while on a busy machine.
            var servers = StartServersAsync(folders);
            try
            {
                await ProjectBuild.BuildAsync(root, ServiceDefinition.All, "Release", Say, stop.Token);
            }
            finally
            {
                (postgres, rabbit) = await servers;
            }
            Say($"PostgreSQL on 127.0.0.1:{postgres.Port} (data in .data/postgres), RabbitMQ on 127.0.0.1:{rabbit.AmqpPort} (data in .data/rabbitmq)");

            var postcodes = Checkout.DefaultPostcodesFile(root);
            platform = await Platform.StartAsync(new PlatformOptions
            {
                PostgresAdminConnectionString = postgres.ConnectionString,
                RabbitMqUri = rabbit.AmqpUri,
                RepositoryRoot = root,
                Configuration = "Release",
                Build = BuildMode.Never,
                Ports = await PreferredPortsAsync(up.GatewayPort),
                RateLimits = up.RateLimits,
                Replicas = up.Replicas,
                SigningKey = folders.SigningKey(),
                LogDirectory = folders.Logs,
                Progress = Say,
            }, stop.Token);
            void WriteState() => new UpState(DateTimeOffset.Now, platform.GatewayUrl,
                    [.. platform.Processes.Select(p => new UpState.Part(p.Name, p.Url, p.ProcessId))],
                    postgres.Port, rabbit.AmqpPort, rabbit.ManagementPort, folders.Logs)
                .Write(folders);
            WriteState();
            var supervisor = new Supervisor(platform, folders, postgres.Port, rabbit.AmqpPort, Say, WriteState);
            PrintWelcome(root, platform, clock.Elapsed, postcodes);
            if (!up.RateLimits)
                Say("the gateway's rate limits are relaxed (--no-rate-limits): the limiter is there, its limits are out of reach");

            await supervisor.RunAsync(stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"./ido up failed: {exception.Message}");
            Console.Error.WriteLine($"Logs: {folders.Logs}");
            return 1;
        }
        finally
        {
            if (platform is not null)
                await platform.DisposeAsync();
            // PostgreSQL gets a fast shutdown with a checkpoint, RabbitMQ an orderly stop: the data stays.
            await Task.WhenAll(
                rabbit is null ? Task.CompletedTask : rabbit.DisposeAsync().AsTask(),
                postgres is null ? Task.CompletedTask : postgres.DisposeAsync().AsTask());
            RunningUp.Forget(folders);
            Say("stopped; the data stays in .data/ for the next ./ido up (delete .data/ for a fresh start)");
        }
    }

    /// <summary>The private PostgreSQL of <c>./ido up</c>: durable, with room for every service's pool (<see cref="ConnectionBudget"/>).</summary>
    public static PrivatePostgresOptions PostgresOptions(LocalFolders folders) => new()
    {
        DataDirectory = folders.Postgres,
        TunedForTests = false,
        MaxConnections = ConnectionBudget.ServerMaxConnections,
    };

    private static async Task<(PrivatePostgres, PrivateRabbitMq)> StartServersAsync(LocalFolders folders)
    {
        var postgres = PrivatePostgres.LaunchAsync(PostgresOptions(folders));
        var rabbit = PrivateRabbitMq.LaunchAsync(new PrivateRabbitMqOptions
        {
            DataDirectory = folders.RabbitMq,
            NodeName = NodeName, // the data belongs to the node name
            OwnSession = true,
        });
        try
        {
            return (await postgres, await rabbit);
        }
        catch
        {
            // Whichever did start must not outlive the failure.
            if (postgres.IsCompletedSuccessfully) await postgres.Result.DisposeAsync();
            if (rabbit.IsCompletedSuccessfully) await rabbit.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>The ports the gateway's appsettings.json assumes (gateway 5080, services 5081–5084) where they
    /// are free; otherwise a free one (the gateway is told the services' real ports either way).</summary>
    private static async Task<Dictionary<PlatformService, int>> PreferredPortsAsync(int? gatewayPort)
    {
        var ports = new Dictionary<PlatformService, int>();
        foreach (var definition in ServiceDefinition.All)
        {
            var wanted = definition.Service == PlatformService.Gateway && gatewayPort is { } asked ? asked : definition.PreferredPort;
            if (!await FreePort.Accepts(wanted))
                ports[definition.Service] = wanted;
            else if (definition.Service == PlatformService.Gateway)
                Say($"port {wanted} is taken; the gateway gets a free port (choose one with ./ido up --port N)");
        }
        return ports;
    }

    private static void PrintWelcome(string root, Platform platform, TimeSpan took, string? postcodes)
    {
        var gateway = platform.GatewayUrl;
        var desk = DemoAccounts.WithRole(root, "desk");
        Console.WriteLine();
        Console.WriteLine($"IdoPlatform is running (ready in {took.TotalSeconds:0} s).");
        Console.WriteLine();
        Console.WriteLine($"  gateway   {gateway}");
        Console.WriteLine($"  API docs  {new Uri(gateway, "docs")}");
        Console.WriteLine($"  desk page {new Uri(gateway, "balie")}  (sign in as {desk.Username} / {desk.Password})");
        foreach (var process in platform.Processes.Where(p => p.Service != PlatformService.Gateway))
            Console.WriteLine($"  {process.Name,-13} {process.Url}  (direct; use the gateway)");
        Console.WriteLine();
        Console.WriteLine("A demo token (desk staff of Demobibliotheek Stad en Ommeland; other accounts in seeds/demo-accounts.json):");
        Console.WriteLine();
        Console.WriteLine($"  {DemoAccounts.CurlCommand(gateway, desk)}");
        Console.WriteLine();
        Console.WriteLine("and with it, for example:");
        Console.WriteLine();
        Console.WriteLine($"  TOKEN=$({DemoAccounts.CurlCommand(gateway, desk)} | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
        Console.WriteLine($"  curl -s {new Uri(gateway, "registrations/v1/code-lists")} -H \"Authorization: Bearer $TOKEN\"");
        Console.WriteLine($"  curl -s '{new Uri(gateway, "offers/v1/locations?pageSize=3")}'");
        Console.WriteLine();
        if (postcodes is null)
            Console.WriteLine("Note: no PC4 file at ../shared/data/postcodes/pc4geoloc.json: postcode look-ups say they are unavailable.");
        Console.WriteLine($"Logs in {Path.GetRelativePath(root, platform.Process(PlatformService.Gateway).Log.Path ?? ".data/logs")} and beside it. " +
                          "`./ido status` shows what runs; Ctrl-C or `./ido down` stops everything (the data stays).");
    }

    public static void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
