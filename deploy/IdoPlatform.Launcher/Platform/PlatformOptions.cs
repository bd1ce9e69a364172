namespace IdoPlatform.Launcher;

/// <summary>What <see cref="Platform.StartAsync"/> needs: where PostgreSQL and RabbitMQ are, and how to
/// configure the five processes. Everything but the two servers has a sensible default.</summary>
public sealed record PlatformOptions
{
    /// <summary>A superuser connection string; each service's database is created on this server when missing.</summary>
    public required string PostgresAdminConnectionString { get; init; }

    /// <summary>amqp://user:password@host:port/vhost: the broker's base virtual host or one made for this platform.</summary>
    public required Uri RabbitMqUri { get; init; }

    /// <summary>The checkout (the folder holding IdoPlatform.sln and seeds/); null finds it above this program.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Databases are named <c>{prefix}_offers</c>, <c>{prefix}_registrations</c>, …; give tests a unique one.</summary>
    public string DatabasePrefix { get; init; } = "ido";

    /// <summary>The build configuration whose output is run (by default the one this library was built in, so
    /// a test project built in Debug runs the services' Debug output).</summary>
    public string Configuration { get; init; } = BuildConfiguration.OfThisAssembly;

    public BuildMode Build { get; init; } = BuildMode.IfMissing;

    /// <summary>Fixed ports per process; a process not listed gets a free loopback port.</summary>
    public IReadOnlyDictionary<PlatformService, int> Ports { get; init; } = new Dictionary<PlatformService, int>();

    /// <summary>Instances of each of the four services (offers, registrations, referrals, monitoring), each on its
    /// own port and all in the gateway's cluster; the web service and the gateway run once. With more than one,
    /// the web pages call the services through the gateway and a stopping instance drains for one gateway probe
    /// interval first (<c>Api:ShutdownDrain</c>).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Base64 of at least 32 bytes, shared by the gateway and every service; null makes a new one.</summary>
    public string? SigningKey { get; init; }

    public string Issuer { get; init; } = "https://ido-platform.local";

    public string Audience { get; init; } = "ido-platform";

    /// <summary>The gateway's token endpoint for the seeded demo accounts (<c>POST /auth/v1/tokens</c>).</summary>
    public bool DemoTokens { get; init; } = true;

    /// <summary>Offers and referrals load the demo libraries, offers and referral profiles (idempotently).</summary>
    public bool LoadDemoSeeds { get; init; } = true;

    /// <summary>False keeps the gateway's rate limiter in the path but with limits no client reaches (load benchmarks).</summary>
    public bool RateLimits { get; init; } = true;

    /// <summary>How often the gateway probes each service's readiness (its default of 10 s makes a returning
    /// service wait long before it is used again).</summary>
    public TimeSpan GatewayHealthInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The PC4 centroid file for offers and referrals; null takes <c>../shared/data/postcodes/pc4geoloc.json</c>
    /// next to the checkout when it is there (without it, postcode look-ups say they are unavailable).</summary>
    public string? PostcodesFile { get; init; }

    /// <summary>Extra configuration for every process, passed as environment variables: keys as in appsettings
    /// (<c>Gateway:Timeout</c> becomes <c>Gateway__Timeout</c>); a name without ':' is passed as it is
    /// (<c>DOTNET_gcServer</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra configuration for one process; wins over <see cref="Settings"/>.</summary>
    public IReadOnlyDictionary<PlatformService, IReadOnlyDictionary<string, string>> ServiceSettings { get; init; } =
        new Dictionary<PlatformService, IReadOnlyDictionary<string, string>>();

    public string EnvironmentName { get; init; } = "Production";

    /// <summary>How long start-up may take until every /health/ready answers (a loaded 2-core machine is slow).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Each process's output is appended to <c>{name}.log</c> here; null keeps only the last lines in memory.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Progress lines (building, starting, ready); null is silent.</summary>
    public Action<string>? Progress { get; init; }
}

public enum BuildMode
{
    /// <summary>Build a project only when its output is not there (tests: the solution build made it).</summary>
    IfMissing,

    /// <summary>Build every project first (<c>./ido up</c>, the load benchmark).</summary>
    Always,

    Never,
}

public static class BuildConfiguration
{
#if DEBUG
    public const string OfThisAssembly = "Debug";
#else
    public const string OfThisAssembly = "Release";
#endif
}
