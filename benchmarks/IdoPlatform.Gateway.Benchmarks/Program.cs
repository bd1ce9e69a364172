using System.Globalization;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Gateway;
using IdoPlatform.Gateway.Benchmarks;

// Gateway overhead: the same GET straight to a service and through the gateway, on loopback. Prints
// requests/s, p50/p99 latency, CPU per request and the throughput ratio (target >= 0.7).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchmarkSettings.Parse(args);
Console.WriteLine($"Gateway overhead: {settings.Requests} GETs per run, {settings.Concurrency} concurrent, best of {settings.Rounds} rounds, " +
                  $"loopback, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

if (settings.AgainstRunningPlatform)
{
    Console.WriteLine("Against a running platform (CPU column: this client only).");
    await CompareAsync("running platform", settings.DirectUrl!, settings.GatewayUrl!, settings.Token, warm: false);
    return 0;
}

if (!settings.StandIn)
{
    // Default: the platform's own offer search, straight to the offers service and through the gateway.
    Console.WriteLine("Against the platform started here: services and gateway in their own processes, real PostgreSQL and RabbitMQ.");
    await using var target = await PlatformTarget.StartAsync(settings.Build);
    var search = "offers/v1/offers?postcode=3511&pageSize=10";
    var deskToken = await target.DeskTokenAsync();
    (string Name, string? Bearer)[] runs = [("public offer search", null), ("offer search with a desk's bearer token", deskToken)];
    foreach (var (_, bearer) in runs)
    {
        await LoadRun.RunAsync(new Uri(target.OffersDirect, search), bearer, settings.Warmup, settings.Concurrency);
        await LoadRun.RunAsync(new Uri(target.Gateway, search), bearer, settings.Warmup, settings.Concurrency);
    }
    Console.WriteLine("CPU column: this client only; the gateway's own CPU per request is printed below each table.");
    foreach (var (name, bearer) in runs)
        await CompareAsync(name, new Uri(target.OffersDirect, search), new Uri(target.Gateway, search), bearer, warm: true, target.GatewayCpu);
    return 0;
}

ServiceCost[] costs = settings.BackendWorkUs is not null || settings.BackendDelayMs is not null
    ? [new("given cost", settings.BackendWorkUs ?? 0, settings.BackendDelayMs ?? 0)]
    : [new("bare stand-in: no work at all (the overhead floor)", 0, 0),
       new("service-like stand-in: 400 us CPU + 1 ms database wait", 400, 1)];

var (backend, backendAddress) = await SearchBackend.StartAsync(costs);
var auth = new AuthOptions
{
    Issuer = "https://bench.ido-platform.example.nl",
    Audience = "ido-platform-bench",
    SigningKey = TokenIssuer.NewSigningKey(),
};
var gateway = GatewayApp.Create([], builder =>
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Yarp"] = "Error", // the other three services are not started here
        ["Auth:Issuer"] = auth.Issuer,
        ["Auth:Audience"] = auth.Audience,
        ["Auth:SigningKey"] = auth.SigningKey,
        // The limiter stays in the path, with limits this one client never reaches.
        ["Gateway:RateLimits:PerAccount:PermitLimit"] = "100000000",
        ["Gateway:RateLimits:PerClientAddress:PermitLimit"] = "100000000",
        ["ReverseProxy:Clusters:offers:Destinations:primary:Address"] = backendAddress.ToString(),
    });
});
await gateway.StartAsync();
var gatewayAddress = SearchBackend.AddressOf(gateway);
var token = TokenIssuer.Issue(auth, new CurrentAccount("bench-desk", Roles.Desk, Guid.Parse("94fa902f-f87c-59db-b362-0f6f1616d492")),
    TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
Console.WriteLine("Client, gateway and stand-in service share this process (CPU column: all three together).");

var comparisons = new List<(string Name, Uri Direct, Uri Proxied, string? Bearer)>();
for (var i = 0; i < costs.Length; i++)
{
    var publicPath = $"/offers/v1/offers?page=1&pageSize=3&cost={i}";
    var protectedPath = $"/offers/v1/organisations?cost={i}";
    // The bare stand-in shows both paths; with a service-like cost only the usual, token-carrying one.
    if (i == 0)
        comparisons.Add(($"{costs[i].Name}, public offer search", new Uri(backendAddress, publicPath), new Uri(gatewayAddress, publicPath), null));
    comparisons.Add(($"{costs[i].Name}, with bearer token", new Uri(backendAddress, protectedPath), new Uri(gatewayAddress, protectedPath), token));
}
// Every path warmed up (JIT tiering, connection pools) before anything is measured.
foreach (var (_, direct, proxied, bearer) in comparisons)
{
    await LoadRun.RunAsync(direct, bearer, settings.Warmup, settings.Concurrency);
    await LoadRun.RunAsync(proxied, bearer, settings.Warmup, settings.Concurrency);
}
foreach (var (name, direct, proxied, bearer) in comparisons)
    await CompareAsync(name, direct, proxied, bearer, warm: true);

await gateway.StopAsync();
await backend.StopAsync();
return 0;

async Task CompareAsync(string name, Uri direct, Uri proxied, string? bearer, bool warm, Func<TimeSpan>? gatewayCpu = null)
{
    if (!warm)
    {
        await LoadRun.RunAsync(direct, bearer, settings.Warmup, settings.Concurrency);
        await LoadRun.RunAsync(proxied, bearer, settings.Warmup, settings.Concurrency);
    }

    LoadResult? bestDirect = null, bestProxied = null;
    var gatewayMicroseconds = new List<double>();
    for (var round = 0; round < settings.Rounds; round++)
    {
        var d = await LoadRun.RunAsync(direct, bearer, settings.Requests, settings.Concurrency);
        var gatewayBefore = gatewayCpu?.Invoke();
        var g = await LoadRun.RunAsync(proxied, bearer, settings.Requests, settings.Concurrency);
        if (gatewayBefore is { } before) gatewayMicroseconds.Add((gatewayCpu!() - before).TotalMicroseconds / settings.Requests);
        if (bestDirect is null || d.RequestsPerSecond > bestDirect.RequestsPerSecond) bestDirect = d;
        if (bestProxied is null || g.RequestsPerSecond > bestProxied.RequestsPerSecond) bestProxied = g;
    }

    var ratio = bestProxied!.RequestsPerSecond / bestDirect!.RequestsPerSecond;
    Console.WriteLine();
    Console.WriteLine($"GET {direct.PathAndQuery} ({name})");
    Console.WriteLine($"  {"",-10} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"CPU us/req",11} {"errors",7}");
    Print("direct", bestDirect);
    Print("gateway", bestProxied);
    if (gatewayMicroseconds.Count > 0)
        Console.WriteLine($"  gateway process CPU per request: {gatewayMicroseconds.Order().ElementAt(gatewayMicroseconds.Count / 2):0} us (median of {gatewayMicroseconds.Count} rounds)");
    else if (!settings.AgainstRunningPlatform)
        Console.WriteLine($"  gateway CPU per request: {bestProxied.CpuMicrosecondsPerRequest - bestDirect.CpuMicrosecondsPerRequest:0} us");
    Console.WriteLine($"  throughput ratio gateway/direct: {ratio:0.00} (target >= 0.70: {(ratio >= 0.7 ? "met" : "NOT met")})");
}

static void Print(string label, LoadResult r) =>
    Console.WriteLine($"  {label,-10} {r.RequestsPerSecond,9:0} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} {r.CpuMicrosecondsPerRequest,11:0} {r.Errors,7}");

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
