using System.Diagnostics;
using IdoPlatform.Launcher;
using IdoPlatform.Testing;

namespace IdoPlatform.Gateway.Benchmarks;

/// <summary>The real thing: all services and the gateway as separate processes on the tests' PostgreSQL and
/// RabbitMQ, the gateway's rate limits out of reach (the limiter stays in the path).</summary>
internal sealed class PlatformTarget : IAsyncDisposable
{
    private readonly Platform _platform;

    private PlatformTarget(Platform platform) => _platform = platform;

    public Uri OffersDirect => _platform.ServiceUrl(PlatformService.Offers);
    public Uri Gateway => _platform.GatewayUrl;

    public static async Task<PlatformTarget> StartAsync(bool build)
    {
        var postgres = RealServers.PostgresAsync();
        var virtualHost = RealServers.NewVirtualHostAsync("gwbench");
        var clock = Stopwatch.StartNew();
        var platform = await Platform.StartAsync(new PlatformOptions
        {
            PostgresAdminConnectionString = (await postgres).AdminConnectionString,
            RabbitMqUri = await virtualHost,
            RepositoryRoot = Checkout.FindRoot(),
            DatabasePrefix = "gwbench_" + Guid.NewGuid().ToString("N")[..8],
            Build = build ? BuildMode.Always : BuildMode.IfMissing,
            RateLimits = false,
            LogDirectory = Path.Combine(Path.GetTempPath(), $"ido-gwbench-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}"),
            Progress = line => Console.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:0.0} s] {line}"),
        });
        return new PlatformTarget(platform);
    }

    public Task<string> DeskTokenAsync() => _platform.DemoTokenAsync("balie-stad-en-ommeland");

    /// <summary>The gateway process's CPU time so far.</summary>
    public TimeSpan GatewayCpu()
    {
        var pid = _platform.Process(PlatformService.Gateway).ProcessId ?? throw new InvalidOperationException("The gateway is not running.");
        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }

    public ValueTask DisposeAsync() => _platform.DisposeAsync();
}
