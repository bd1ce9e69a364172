using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using IdoPlatform.Testing.Private;

namespace IdoPlatform.Launcher;

/// <summary>
/// The whole platform as child processes: the four services and the gateway from their built output
/// (<c>dotnet &lt;dll&gt;</c>), each service on its own database (created when missing), all on one RabbitMQ
/// virtual host, sharing one signing key, the gateway routing to the services' loopback ports. Started
/// when every <c>/health/ready</c> answers (the gateway's once it sees every service). One process can be
/// stopped and started again on the same port (a service outage); disposing stops everything, and should
/// this process die first, a detached watchdog stops the children (see <see cref="InstanceDirectory"/>).
/// </summary>
/// <example><code>
/// await using var platform = await Platform.StartAsync(new PlatformOptions
/// {
///     PostgresAdminConnectionString = (await RealServers.PostgresAsync()).AdminConnectionString,
///     RabbitMqUri = await RealServers.NewVirtualHostAsync("e2e"),
///     DatabasePrefix = "e2e_" + Guid.NewGuid().ToString("N")[..8],
/// });
/// using var desk = platform.CreateClient(await platform.DemoTokenAsync("balie-stad-en-ommeland"));
/// </code></example>
public sealed class Platform : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly PlatformOptions options;
    private readonly InstanceDirectory guard;
    private readonly Dictionary<PlatformService, ServiceProcess> processes = [];
    private readonly HttpClient probe = new() { Timeout = Timeout.InfiniteTimeSpan };
    private int disposed;

    private Platform(PlatformOptions options, string root, string signingKey, InstanceDirectory guard)
    {
        this.options = options;
        RepositoryRoot = root;
        SigningKey = signingKey;
        this.guard = guard;
    }

    public string RepositoryRoot { get; }

    /// <summary>The key every process validates tokens with (base64).</summary>
    public string SigningKey { get; }

    public Uri GatewayUrl => processes[PlatformService.Gateway].Url;

    public IReadOnlyList<ServiceProcess> Processes => [.. processes.Values];

    public ServiceProcess Process(PlatformService service) => processes[service];

    /// <summary>A service reached directly, bypassing the gateway.</summary>
    public Uri ServiceUrl(PlatformService service) => processes[service].Url;

    /// <summary>The connection string of a service's own database.</summary>
    public string ConnectionString(PlatformService service) => ServiceDatabases.ConnectionStringFor(
        options.PostgresAdminConnectionString, ServiceDefinition.Of(service).DatabaseName(options.DatabasePrefix), "ido-platform-check",
        ConnectionBudget.LauncherPool);

    /// <summary>A process ended without being asked to (after start-up); the exit code is given.</summary>
    public event Action<ServiceProcess, int>? ProcessExitedUnexpectedly;

    public static async Task<Platform> StartAsync(PlatformOptions options, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(options.RepositoryRoot ?? RepositoryRootOrThrow());
        var assemblies = await BuildAsync(root, options, ct);
        options.Progress?.Invoke("creating databases where missing");
        await ServiceDatabases.EnsureAsync(options.PostgresAdminConnectionString,
            ServiceDefinition.Services.Select(d => d.DatabaseName(options.DatabasePrefix)), ct);

        var guard = InstanceDirectory.Create("platform");
        // The children carry this path on their command line: the stop script finds them by it. (Not a prefix
        // of the stop script's own path, which the watchdog's command line names.)
        var marker = Path.Combine(guard.Path, "children");
        guard.ArmStopScript(marker, "TERM");
        var platform = new Platform(options, root, options.SigningKey ?? NewSigningKey(), guard);
        try
        {
            foreach (var definition in ServiceDefinition.All)
                platform.Add(definition, assemblies[definition.Service], marker);
            await platform.StartAllAsync(ct);
            foreach (var process in platform.processes.Values)
                process.ExitedUnexpectedly += (p, code) => platform.ProcessExitedUnexpectedly?.Invoke(p, code);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops one process (SIGTERM, killed after <paramref name="grace"/>); it keeps its port.</summary>
    public Task StopServiceAsync(PlatformService service, TimeSpan? grace = null) =>
        processes[service].StopAsync(grace ?? StopGrace);

    /// <summary>Starts a stopped process again on its port and returns once it is ready and, for a service,
    /// once the gateway's health probe has seen it back.</summary>
    public async Task StartServiceAsync(PlatformService service, CancellationToken ct = default)
    {
        var process = processes[service];
        process.Start();
        var deadline = DateTimeOffset.UtcNow + options.ReadyTimeout;
        await process.WaitUntilReadyAsync(probe, ReadyCheck(service), deadline, ct);
        var gateway = processes[PlatformService.Gateway];
        if (service != PlatformService.Gateway && gateway.IsRunning)
            await gateway.WaitUntilReadyAsync(probe, GatewaySeesEveryService, deadline, ct);
    }

    /// <summary>An HTTP client for the gateway, with a bearer token when given.</summary>
    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = GatewayUrl };
        if (bearerToken is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>A token for a seeded demo account, from the gateway's token endpoint.</summary>
    public Task<string> DemoTokenAsync(string username, CancellationToken ct = default) =>
        DemoAccounts.TokenAsync(probe, GatewayUrl, DemoAccounts.Find(RepositoryRoot, username), ct);

    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        // The door first, so nothing new comes in; then the services together.
        if (processes.TryGetValue(PlatformService.Gateway, out var gateway))
            await gateway.StopAsync(StopGrace);
        await Task.WhenAll(processes.Values.Where(p => p.Service != PlatformService.Gateway).Select(p => p.StopAsync(StopGrace)));
        foreach (var process in processes.Values)
            process.Dispose();
        await Task.Run(guard.Stop);
        probe.Dispose();
    }

    private static string RepositoryRootOrThrow() => Checkout.FindRoot();

    private static async Task<Dictionary<PlatformService, string>> BuildAsync(string root, PlatformOptions options, CancellationToken ct)
    {
        var missing = ServiceDefinition.All.Where(d => ProjectBuild.OutputOf(root, d, options.Configuration) is null).ToList();
        if (options.Build == BuildMode.Always || (missing.Count > 0 && options.Build == BuildMode.IfMissing))
            await ProjectBuild.BuildAsync(root, options.Build == BuildMode.Always ? ServiceDefinition.All : missing,
                options.Configuration, options.Progress, ct);
        var assemblies = new Dictionary<PlatformService, string>();
        foreach (var definition in ServiceDefinition.All)
            assemblies[definition.Service] = ProjectBuild.OutputOf(root, definition, options.Configuration)
                ?? throw new FileNotFoundException(
                    $"{definition.Name} has no {options.Configuration} build under {Path.GetDirectoryName(definition.Project)}/bin; " +
                    $"run `dotnet build {definition.Project} -c {options.Configuration}`.");
        return assemblies;
    }

    private void Add(ServiceDefinition definition, string assembly, string marker)
    {
        var portIsFixed = options.Ports.TryGetValue(definition.Service, out var port) && port != 0;
        var log = new ProcessLog(options.LogDirectory is { } folder ? Path.Combine(folder, definition.Name + ".log") : null);
        processes[definition.Service] = new ServiceProcess(definition, assembly, portIsFixed ? port : FreePort.Next(), portIsFixed,
            marker, log, EnvironmentOf);
    }

    private async Task StartAllAsync(CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + options.ReadyTimeout;
        options.Progress?.Invoke("starting " + string.Join(", ", processes.Values.Select(p => $"{p.Name} (:{p.Port})")));
        foreach (var process in processes.Values)
            process.Start();

        var services = processes.Values.Where(p => p.Service != PlatformService.Gateway).ToList();
        var movedPorts = 0;
        var serviceWaits = services.Select(async process =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await process.WaitUntilReadyAsync(probe, ReadyCheck(process.Service), deadline, ct);
                    options.Progress?.Invoke($"{process.Name} ready on {process.Url}");
                    return;
                }
                catch (ServiceStartException exception) when (exception.PortWasTaken && !process.PortIsFixed && attempt < 3)
                {
                    // Someone took the free port between our pick and the bind: another one.
                    Interlocked.Increment(ref movedPorts);
                    process.MoveToAnotherPort();
                    process.Start();
                }
            }
        }).ToList();
        await WhenAllOrExplain(serviceWaits);

        var gateway = processes[PlatformService.Gateway];
        if (movedPorts > 0)
        {
            // Its routes were written with the old port: start it again with the new ones.
            await gateway.StopAsync(StopGrace);
            gateway.Start();
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await gateway.WaitUntilReadyAsync(probe, GatewaySeesEveryService, deadline, ct);
                options.Progress?.Invoke($"gateway ready on {gateway.Url}");
                return;
            }
            catch (ServiceStartException exception) when (exception.PortWasTaken && !gateway.PortIsFixed && attempt < 3)
            {
                gateway.MoveToAnotherPort();
                gateway.Start();
            }
        }
    }

    /// <summary>Waits for all; when any failed, one exception naming every failure (each with its log's last lines).</summary>
    private static async Task WhenAllOrExplain(IReadOnlyList<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            var failures = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
            if (failures.Count == 1)
                throw failures[0];
            throw new AggregateException(
                "The platform did not start:" + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, failures.Select(f => f.Message)),
                failures);
        }
    }

    private static Func<HttpResponseMessage, string, bool> ReadyCheck(PlatformService service) =>
        service == PlatformService.Gateway ? GatewaySeesEveryService : (response, _) => response.IsSuccessStatusCode;

    /// <summary>The gateway answers ready (200) even while a service is down (it reports Degraded then): ready
    /// for us means its health probes see every service.</summary>
    private static bool GatewaySeesEveryService(HttpResponseMessage response, string body)
    {
        if (!response.IsSuccessStatusCode)
            return false;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var status) && status.GetString() == "Healthy";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private IReadOnlyDictionary<string, string> EnvironmentOf(ServiceProcess process)
    {
        var definition = process.Definition;
        var settings = new Dictionary<string, string>
        {
            ["Auth:Issuer"] = options.Issuer,
            ["Auth:Audience"] = options.Audience,
            ["Auth:SigningKey"] = SigningKey,
            ["Seeds:Path"] = Path.Combine(RepositoryRoot, "seeds"),
            // No line per request (a service without its own appsettings.json would log every one); one line per
            // entry with its time, so a log's last lines say what happened when.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple", // without a name the options below are ignored
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-dd HH:mm:ss.fff ",
        };
        if (definition.HasDatabase)
        {
            settings["ConnectionStrings:Postgres"] = ServiceDatabases.ForService(
                options.PostgresAdminConnectionString, definition, options.DatabasePrefix);
            settings["ConnectionStrings:RabbitMq"] = options.RabbitMqUri.ToString();
            settings["Seeds:LoadDemo"] = options.LoadDemoSeeds ? "true" : "false";
        }
        if (definition.UsesPostcodes && (options.PostcodesFile ?? Checkout.DefaultPostcodesFile(RepositoryRoot)) is { } pc4)
            settings["Postcodes:Pc4File"] = Path.GetFullPath(pc4);
        if (definition.Service == PlatformService.Web)
        {
            // The pages call the services directly (not back through the gateway) and, locally, ask the gateway's demo
            // token endpoint for the sign-in form's tokens.
            settings["Web:Services:Registrations"] = $"http://127.0.0.1:{processes[PlatformService.Registrations].Port}";
            settings["Web:Services:Referrals"] = $"http://127.0.0.1:{processes[PlatformService.Referrals].Port}";
            settings["Web:Services:Offers"] = $"http://127.0.0.1:{processes[PlatformService.Offers].Port}";
            settings["Web:Services:Monitoring"] = $"http://127.0.0.1:{processes[PlatformService.Monitoring].Port}";
            settings["Web:DemoSignIn:Enabled"] = options.DemoTokens ? "true" : "false";
            settings["Web:DemoSignIn:Gateway"] = $"http://127.0.0.1:{processes[PlatformService.Gateway].Port}";
        }
        if (definition.Service == PlatformService.Gateway)
        {
            settings["Auth:DemoTokens:Enabled"] = options.DemoTokens ? "true" : "false";
            settings["Gateway:HealthChecks:Interval"] = options.GatewayHealthInterval.ToString("c");
            foreach (var service in processes.Values.Where(p => p.Service != PlatformService.Gateway))
                settings[$"ReverseProxy:Clusters:{service.Name}:Destinations:primary:Address"] = $"http://127.0.0.1:{service.Port}";
            if (!options.RateLimits)
            {
                // The limiter stays in the path, with windows no client fills.
                settings["Gateway:RateLimits:PerAccount:PermitLimit"] = "1000000000";
                settings["Gateway:RateLimits:PerClientAddress:PermitLimit"] = "1000000000";
            }
        }
        foreach (var (key, value) in options.Settings)
            settings[key] = value;
        if (options.ServiceSettings.TryGetValue(definition.Service, out var own))
            foreach (var (key, value) in own)
                settings[key] = value;

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName;
        environment["DOTNET_ENVIRONMENT"] = options.EnvironmentName;
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }
}
