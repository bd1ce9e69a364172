using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using IdoPlatform.LocalServers;

namespace IdoPlatform.Launcher;

/// <summary>
/// The whole platform as child processes: the four services and the gateway from their built output
/// (<c>dotnet &lt;dll&gt;</c>), each service on its own database (created when missing), all on one RabbitMQ
/// virtual host, sharing one signing key, the gateway routing to the services' loopback ports. With
/// <see cref="PlatformOptions.Replicas"/> above 1 each of the four services runs that many instances on ports
/// of their own, all listed in the gateway's cluster. Started when every <c>/health/ready</c> answers (the
/// gateway's once it sees every instance). A service, or one instance, can be stopped and started again on
/// the same port (an outage), killed (SIGKILL) or restarted one instance after the other; disposing stops
/// everything, and should this process die first, a detached watchdog stops the children (see
/// <see cref="InstanceDirectory"/>).
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

    private readonly PlatformOptions _options;
    private readonly InstanceDirectory _guard;
    private readonly List<ServiceProcess> _processes = [];
    private readonly HttpClient _probe = new() { Timeout = Timeout.InfiniteTimeSpan };
    private int _disposed;

    private Platform(PlatformOptions options, string root, string signingKey, InstanceDirectory guard)
    {
        _options = options;
        RepositoryRoot = root;
        SigningKey = signingKey;
        _guard = guard;
    }

    public string RepositoryRoot { get; }

    /// <summary>The key every process validates tokens with (base64).</summary>
    public string SigningKey { get; }

    public Uri GatewayUrl => Process(PlatformService.Gateway).Url;

    /// <summary>Every process, each instance of a replicated service on its own.</summary>
    public IReadOnlyList<ServiceProcess> Processes => [.. _processes];

    /// <summary>How many instances each of the four services runs.</summary>
    public int Replicas => _options.Replicas;

    /// <summary>The (first) instance of a service.</summary>
    public ServiceProcess Process(PlatformService service) => _processes.First(p => p.Service == service);

    /// <summary>Every instance of a service (one for the web service and the gateway).</summary>
    public IReadOnlyList<ServiceProcess> Instances(PlatformService service) => [.. _processes.Where(p => p.Service == service)];

    /// <summary>A service reached directly (its first instance), bypassing the gateway.</summary>
    public Uri ServiceUrl(PlatformService service) => Process(service).Url;

    /// <summary>The connection string of a service's own database.</summary>
    public string ConnectionString(PlatformService service) => ServiceDatabases.ConnectionStringFor(
        _options.PostgresAdminConnectionString, ServiceDefinition.Of(service).DatabaseName(_options.DatabasePrefix), "ido-platform-check",
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
                for (var instance = 1; instance <= (definition.HasDatabase ? options.Replicas : 1); instance++)
                    platform.Add(definition, instance, assemblies[definition.Service], marker);
            await platform.StartAllAsync(ct);
            foreach (var process in platform._processes)
                process.ExitedUnexpectedly += (p, code) => platform.ProcessExitedUnexpectedly?.Invoke(p, code);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops every instance of a service (SIGTERM, killed after <paramref name="grace"/>); they keep their ports.</summary>
    public Task StopServiceAsync(PlatformService service, TimeSpan? grace = null) =>
        Task.WhenAll(Instances(service).Select(p => p.StopAsync(grace ?? StopGrace)));

    /// <summary>Starts a stopped service's instances again on their ports and returns once they are ready and, for
    /// a service, once the gateway's health probe has seen each back.</summary>
    public Task StartServiceAsync(PlatformService service, CancellationToken ct = default) =>
        Task.WhenAll(Instances(service).Select(p => StartInstanceAsync(p, ct)));

    /// <summary>Stops one instance (SIGTERM: it reports itself stopping, serves its drain time, finishes the
    /// requests in flight), killed after <paramref name="grace"/>; it keeps its port.</summary>
    public Task StopInstanceAsync(ServiceProcess instance, TimeSpan? grace = null) => instance.StopAsync(grace ?? StopGrace);

    /// <summary>Kills one instance at once (SIGKILL), as a crash would; not reported as unexpected.</summary>
    public Task KillInstanceAsync(ServiceProcess instance) => instance.StopAsync(TimeSpan.Zero);

    /// <summary>Starts a stopped instance again on its port and returns once it is ready and the gateway's
    /// health probe has seen it (so the gateway sends it traffic again).</summary>
    public async Task StartInstanceAsync(ServiceProcess instance, CancellationToken ct = default)
    {
        instance.Start();
        var deadline = DateTimeOffset.UtcNow + _options.ReadyTimeout;
        await instance.WaitUntilReadyAsync(_probe, ReadyCheck(instance.Service), deadline, ct);
        var gateway = Process(PlatformService.Gateway);
        if (instance.Service != PlatformService.Gateway && gateway.IsRunning)
            await gateway.WaitUntilReadyAsync(_probe, (response, body) => GatewaySees(response, body, instance), deadline, ct);
    }

    /// <summary>Restarts a service's instances one after the other (stop, start, ready and seen by the gateway,
    /// then the next), so with replicas the service never stops answering.</summary>
    public async Task RestartRollingAsync(PlatformService service, CancellationToken ct = default)
    {
        foreach (var instance in Instances(service))
        {
            await StopInstanceAsync(instance);
            await StartInstanceAsync(instance, ct);
        }
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
        DemoAccounts.TokenAsync(_probe, GatewayUrl, DemoAccounts.Find(RepositoryRoot, username), ct);

    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        // The door first, so nothing new comes in; then the services together.
        if (_processes.FirstOrDefault(p => p.Service == PlatformService.Gateway) is { } gateway)
            await gateway.StopAsync(StopGrace);
        await Task.WhenAll(_processes.Where(p => p.Service != PlatformService.Gateway).Select(p => p.StopAsync(StopGrace)));
        foreach (var process in _processes)
            process.Dispose();
        await Task.Run(_guard.Stop);
        _probe.Dispose();
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

    private void Add(ServiceDefinition definition, int instance, string assembly, string marker)
    {
        // A fixed port is the first instance's; the next ones take it plus 10, 20, … when free (5091 beside 5081).
        var portIsFixed = _options.Ports.TryGetValue(definition.Service, out var port) && port != 0;
        if (portIsFixed && instance > 1)
        {
            port += 10 * (instance - 1);
            portIsFixed = false;
            if (FreePort.Accepts(port).GetAwaiter().GetResult())
                port = 0;
        }
        var name = definition.HasDatabase && _options.Replicas > 1 ? $"{definition.Name}-{instance}" : definition.Name;
        var log = new ProcessLog(_options.LogDirectory is { } folder ? Path.Combine(folder, name + ".log") : null);
        _processes.Add(new ServiceProcess(definition, instance, name, assembly, port != 0 ? port : FreePort.Next(), portIsFixed,
            marker, log, EnvironmentOf));
    }

    private async Task StartAllAsync(CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + _options.ReadyTimeout;
        _options.Progress?.Invoke("starting " + string.Join(", ", _processes.Select(p => $"{p.Name} (:{p.Port})")));
        foreach (var process in _processes)
            process.Start();

        var services = _processes.Where(p => p.Service != PlatformService.Gateway).ToList();
        var movedPorts = 0;
        var serviceWaits = services.Select(async process =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await process.WaitUntilReadyAsync(_probe, ReadyCheck(process.Service), deadline, ct);
                    _options.Progress?.Invoke($"{process.Name} ready on {process.Url}");
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

        var gateway = Process(PlatformService.Gateway);
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
                await gateway.WaitUntilReadyAsync(_probe, GatewaySeesEveryService, deadline, ct);
                _options.Progress?.Invoke($"gateway ready on {gateway.Url}");
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
    /// for us means its health checks see every instance of every service.</summary>
    private static bool GatewaySeesEveryService(HttpResponseMessage response, string body) =>
        GatewayReport(response, body) is { } report
        && report.TryGetProperty("status", out var status) && status.GetString() == "Healthy"
        && report.GetProperty("services").EnumerateObject().All(service => AllDestinationsHealthy(service.Value));

    /// <summary>The gateway's health checks see this instance (its destination is Healthy).</summary>
    private static bool GatewaySees(HttpResponseMessage response, string body, ServiceProcess instance) =>
        GatewayReport(response, body) is { } report
        && report.GetProperty("services").TryGetProperty(instance.Definition.Name, out var service)
        && service.TryGetProperty("destinations", out var destinations)
        && destinations.TryGetProperty(instance.DestinationId, out var state)
        && state.GetString() == "Healthy";

    private static bool AllDestinationsHealthy(JsonElement service) =>
        !service.TryGetProperty("destinations", out var destinations) || destinations.ValueKind != JsonValueKind.Object
        || destinations.EnumerateObject().All(d => d.Value.GetString() == "Healthy");

    private static JsonElement? GatewayReport(HttpResponseMessage response, string body)
    {
        if (!response.IsSuccessStatusCode)
            return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private IReadOnlyDictionary<string, string> EnvironmentOf(ServiceProcess process)
    {
        var definition = process.Definition;
        var settings = new Dictionary<string, string>
        {
            ["Auth:Issuer"] = _options.Issuer,
            ["Auth:Audience"] = _options.Audience,
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
                _options.PostgresAdminConnectionString, definition, _options.DatabasePrefix);
            settings["ConnectionStrings:RabbitMq"] = _options.RabbitMqUri.ToString();
            settings["Seeds:LoadDemo"] = _options.LoadDemoSeeds ? "true" : "false";
            // Stopping, an instance reports so and keeps serving until the gateway's probe has seen it (one
            // failed probe is enough with replicas), so the gateway's traffic moves to the other instances first.
            if (_options.Replicas > 1)
                settings["Api:ShutdownDrain"] = (_options.GatewayHealthInterval + TimeSpan.FromSeconds(1)).ToString("c");
        }
        if (definition.UsesPostcodes && (_options.PostcodesFile ?? Checkout.DefaultPostcodesFile(RepositoryRoot)) is { } pc4)
            settings["Postcodes:Pc4File"] = Path.GetFullPath(pc4);
        if (definition.Service == PlatformService.Web)
        {
            // The pages call the services directly (not back through the gateway) and, locally, ask the gateway's demo
            // token endpoint for the sign-in form's tokens.
            // With replicas the pages go through the gateway, which balances over the instances (same paths).
            string Address(PlatformService service) =>
                $"http://127.0.0.1:{(_options.Replicas > 1 ? Process(PlatformService.Gateway) : Process(service)).Port}";
            settings["Web:Services:Registrations"] = Address(PlatformService.Registrations);
            settings["Web:Services:Referrals"] = Address(PlatformService.Referrals);
            settings["Web:Services:Offers"] = Address(PlatformService.Offers);
            settings["Web:Services:Monitoring"] = Address(PlatformService.Monitoring);
            settings["Web:DemoSignIn:Enabled"] = _options.DemoTokens ? "true" : "false";
            settings["Web:DemoSignIn:Gateway"] = $"http://127.0.0.1:{Process(PlatformService.Gateway).Port}";
        }
        if (definition.Service == PlatformService.Gateway)
        {
            settings["Auth:DemoTokens:Enabled"] = _options.DemoTokens ? "true" : "false";
            settings["Gateway:HealthChecks:Interval"] = _options.GatewayHealthInterval.ToString("c");
            foreach (var instance in _processes.Where(p => p.Service != PlatformService.Gateway))
                settings[$"ReverseProxy:Clusters:{instance.Definition.Name}:Destinations:{instance.DestinationId}:Address"] =
                    $"http://127.0.0.1:{instance.Port}";
            if (!_options.RateLimits)
            {
                // The limiter stays in the path, with windows no client fills.
                settings["Gateway:RateLimits:PerAccount:PermitLimit"] = "1000000000";
                settings["Gateway:RateLimits:PerClientAddress:PermitLimit"] = "1000000000";
            }
        }
        foreach (var (key, value) in _options.Settings)
            settings[key] = value;
        if (_options.ServiceSettings.TryGetValue(definition.Service, out var own))
            foreach (var (key, value) in own)
                settings[key] = value;

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["ASPNETCORE_ENVIRONMENT"] = _options.EnvironmentName;
        environment["DOTNET_ENVIRONMENT"] = _options.EnvironmentName;
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }
}
