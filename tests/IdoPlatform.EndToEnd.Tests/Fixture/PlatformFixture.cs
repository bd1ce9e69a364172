using System.Collections.Concurrent;
using System.Diagnostics;
using IdoPlatform.EndToEnd.Tests.Support;
using IdoPlatform.Launcher;
using IdoPlatform.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IdoPlatform.EndToEnd.Tests.Fixture;

/// <summary>
/// One whole platform for the collection: the four services and the gateway as processes, on the shared
/// PostgreSQL (fresh databases) and on a RabbitMQ broker of our own, so the broker-outage journey may stop it.
/// Starting it costs seconds, so every end-to-end test shares it; they run one after another (one collection),
/// and each works at its own locations and agencies so their counts never mix.
/// </summary>
public sealed class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>Per account per minute. Low enough that the rate-limit test reaches it in a second or two, high
    /// enough for every other test's account; the burst spreads over several accounts.</summary>
    public const int PermitsPerAccount = 300;

    private readonly ConcurrentQueue<string> _unexpectedExits = new();
    private readonly SocketsHttpHandler _handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 };
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _demoTokens = new();
    private RabbitMqServer? _broker;
    private Launcher.Platform? _platform;

    public Launcher.Platform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The platform's own broker: the outage journey stops and starts it.</summary>
    public RabbitMqServer Broker => _broker ?? throw new InvalidOperationException("The broker has not started.");

    public DemoWorld Seeds { get; private set; } = null!;

    public TokenMint Tokens { get; private set; } = null!;

    /// <summary>Where each process writes its output (named in failure messages).</summary>
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "ido-e2e-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Environment.ProcessId);

    /// <summary>Processes that ended without being asked to: a crash is a finding, whatever the test was doing.</summary>
    public IReadOnlyCollection<string> UnexpectedExits => _unexpectedExits;

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var postgresTask = RealServers.PostgresAsync();
        var brokerTask = RealServers.StartOwnRabbitMqAsync();
        var postgres = await postgresTask;
        _broker = await brokerTask;
        var virtualHost = await _broker.CreateVirtualHostAsync("e2e");
        Say($"servers ready in {clock.Elapsed.TotalSeconds:0.0} s ({postgres.Source}; {_broker.Source})");

        var signingKey = Launcher.Platform.NewSigningKey();
        var options = new PlatformOptions
        {
            PostgresAdminConnectionString = postgres.AdminConnectionString,
            RabbitMqUri = virtualHost,
            DatabasePrefix = "e2e_" + Guid.NewGuid().ToString("N")[..8],
            SigningKey = signingKey,
            LogDirectory = LogDirectory,
            Progress = Say,
            Settings = new Dictionary<string, string>
            {
                ["Gateway:RateLimits:PerAccount:PermitLimit"] = PermitsPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway:RateLimits:PerAccount:Window"] = "00:01:00",
                // Every test client comes from 127.0.0.1: a per-address limit would throttle the whole run.
                ["Gateway:RateLimits:PerClientAddress:PermitLimit"] = "1000000000",
            },
        };
        _platform = await Launcher.Platform.StartAsync(options);
        _platform.ProcessExitedUnexpectedly += (process, code) =>
            _unexpectedExits.Enqueue($"{process.Name} exited with code {code} at {DateTimeOffset.Now:HH:mm:ss}");
        Tokens = new TokenMint(options.Issuer, options.Audience, signingKey);
        Seeds = DemoWorld.Load(_platform.RepositoryRoot);
        Say($"platform ready in {clock.Elapsed.TotalSeconds:0.0} s; gateway {_platform.GatewayUrl}; logs in {LogDirectory}");
    }

    /// <summary>The gateway, as <paramref name="token"/>'s account (anonymous when null).</summary>
    public ApiClient Gateway(string? token = null) => new(new HttpClient(_handler, disposeHandler: false) { BaseAddress = Platform.GatewayUrl }, token, Context);

    /// <summary>A service reached directly, bypassing the gateway.</summary>
    public ApiClient Direct(PlatformService service, string? token = null) =>
        new(new HttpClient(_handler, disposeHandler: false) { BaseAddress = Platform.ServiceUrl(service) }, token, Context);

    /// <summary>A token for a seeded demo account from the gateway's token endpoint (asked once per account).</summary>
    public Task<string> DemoTokenAsync(string username) =>
        _demoTokens.GetOrAdd(username, name => new Lazy<Task<string>>(() => Platform.DemoTokenAsync(name))).Value;

    /// <summary>Extra context for a failure: where the logs are and whether a process died.</summary>
    public string Context() =>
        $"(process logs: {LogDirectory}{(_unexpectedExits.IsEmpty ? "" : "; UNEXPECTED EXITS: " + string.Join("; ", _unexpectedExits))})";

    public void Say(string line) => diagnostics.OnMessage(new DiagnosticMessage($"[e2e {DateTime.Now:HH:mm:ss}] {line}"));

    public async Task DisposeAsync()
    {
        if (_platform is not null)
            await _platform.DisposeAsync();
        if (_broker is not null)
            await _broker.DisposeAsync();
        _handler.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
