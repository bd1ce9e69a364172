using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IdoPlatform.Launcher;
using IdoPlatform.LoadBenchmark;
using IdoPlatform.Testing;
using IdoPlatform.Benchmarking;

// Load benchmark: N desk clients register visits through the gateway for T seconds (after a short warm-up),
// then we wait until monitoring counts every one of them. Loopback only.
//   dotnet run -c Release --project benchmarks/IdoPlatform.LoadBenchmark [-- --clients 16 --duration 20 --gateway URL]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(exception.Message);
    return 64;
}

using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
Console.WriteLine($"IdoPlatform load benchmark: {settings.Clients} desk clients registering visits through the gateway, " +
                  $"{settings.Warmup.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s measured, loopback");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start " +
                  "(shared with other work: figures vary from run to run)");

Platform? platform = null;
var clock = Stopwatch.StartNew();
try
{
    var root = Checkout.FindRoot();
    Uri gateway;
    if (settings.Gateway is { } given)
    {
        gateway = given;
        Console.WriteLine($"target: the running gateway at {gateway}. Its rate limits apply (by default 600 requests per " +
                          "minute per account): start it with `./ido up --no-rate-limits`, or 429s will count as errors.");
    }
    else
    {
        var postgres = RealServers.PostgresAsync();
        var virtualHost = RealServers.NewVirtualHostAsync("bench");
        Console.WriteLine($"target: a platform started here ({BuildConfiguration.OfThisAssembly} build) on the tests' servers");
        platform = await Platform.StartAsync(new PlatformOptions
        {
            PostgresAdminConnectionString = (await postgres).AdminConnectionString,
            RabbitMqUri = await virtualHost,
            RepositoryRoot = root,
            DatabasePrefix = "bench_" + Guid.NewGuid().ToString("N")[..8],
            Build = settings.Build ? BuildMode.Always : BuildMode.IfMissing,
            // One desk account sends everything: the limiter stays in the path with limits it never reaches.
            RateLimits = false,
            Settings = settings.Settings,
            LogDirectory = Path.Combine(Path.GetTempPath(), $"ido-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}"),
            Progress = line => Console.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:0.0} s] {line}"),
        }, stop.Token);
        gateway = platform.GatewayUrl;
        Console.WriteLine($"  PostgreSQL: {(await postgres).Source} (tuned for tests: fsync and synchronous_commit off)");
        Console.WriteLine($"  RabbitMQ: {(await RealServers.RabbitMqAsync()).Source}");
        foreach (var (key, value) in settings.Settings)
            Console.WriteLine($"  setting: {key}={value}");
        Console.WriteLine("  gateway rate limits: relaxed for this run (one desk account sends every request; the limiter stays in the path)");
        Console.WriteLine($"  process logs: {(platform.Process(PlatformService.Gateway).Log.Path is { } log ? Path.GetDirectoryName(log) : "-")}");
    }

    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = settings.Clients + 4,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    };
    using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    var desk = DemoAccounts.Find(root, settings.Desk);
    var reader = DemoAccounts.Find(root, settings.Reader);
    var location = settings.Location ?? SeedLocations.FirstIdoLocation(root,
        desk.OrganisationId ?? throw new ArgumentException($"'{desk.Username}' is not a desk account of an organisation."));
    var load = new VisitLoad(http, gateway, await DemoAccounts.TokenAsync(http, gateway, desk, stop.Token), location);
    var monitoring = new MonitoringCounter(http, gateway, await DemoAccounts.TokenAsync(http, gateway, reader, stop.Token), location);
    Console.WriteLine($"desk account {desk.Username}, location {location}; monitoring read as {reader.Username} (unsuppressed)");

    var baseline = await monitoring.SettledVisitsAsync(stop.Token);
    var probe = await load.WaitUntilAcceptedAsync(TimeSpan.FromMinutes(2), stop.Token);
    var warmup = settings.Warmup > TimeSpan.Zero ? await load.RunAsync(settings.Clients, settings.Warmup, stop.Token) : null;
    Console.WriteLine($"warm-up: {warmup?.Created ?? 0} registered, {warmup?.ErrorCount ?? 0} errors; measuring…");
    var cpu = platform is null ? null : PlatformCpu(platform);
    var cpuBefore = cpu?.Sample();
    var measured = await load.RunAsync(settings.Clients, settings.Duration, stop.Token);
    var expected = baseline + probe + (warmup?.Created ?? 0) + measured.Created;
    var (lag, seen) = await monitoring.WaitForAsync(expected, measured.LastCreatedAt, TimeSpan.FromMinutes(2), stop.Token);
    var cpuAfter = cpu?.Sample();

    Report.Print(measured, lag, expected, seen);
    if (cpuBefore is not null && cpuAfter is not null)
        Report.PrintCpu(cpuBefore, cpuAfter, measured.Created);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted");
    return 130;
}
catch (Exception exception)
{
    Console.Error.WriteLine($"The benchmark could not run: {exception.Message}");
    return 2;
}
finally
{
    if (platform is not null)
        await platform.DisposeAsync();
}

// Every process of the platform started here, the servers this process started, and this client.
static CpuUsage PlatformCpu(Platform platform)
{
    var parts = platform.Processes
        .Select(p => (p.Name, (Func<IEnumerable<int>>)(() => p.ProcessId is { } pid ? [pid] : [])))
        .ToList();
    var self = Environment.ProcessId;
    parts.Add(("postgresql", () => CpuUsage.PrivateServer("postgres")));
    parts.Add(("rabbitmq", () => CpuUsage.PrivateServer("rabbitmq")));
    parts.Add(("benchmark client", () => [self]));
    return new CpuUsage(parts);
}

static string LoadAverage()
{
    try
    {
        return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}
