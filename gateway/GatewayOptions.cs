namespace IdoPlatform.Gateway;

/// <summary>Settings from the configuration section <c>Gateway</c>. Cluster addresses and routes live in
/// the YARP section <c>ReverseProxy</c>; these are the gateway's own rules around them.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Full SemVer of the gateway's own endpoints (tokens, health, errors), sent as <c>API-Version</c>.</summary>
    public string ApiVersion { get; set; } = "1.0.0";

    /// <summary>A service that sends nothing for this long is answered with 504 (per cluster
    /// <c>HttpRequest:ActivityTimeout</c> wins when set).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Retry-After</c> sent with a 503 for a service that is down.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Larger request bodies are refused with 413 before anything is forwarded.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Browser origins allowed by CORS (exact scheme://host[:port]); empty allows none.</summary>
    public string[] CorsOrigins { get; set; } = [];

    public RateLimitOptions RateLimits { get; set; } = new();

    public ActiveHealthCheckOptions HealthChecks { get; set; } = new();

    /// <summary>The OpenAPI documents listed in the Swagger UI at <c>/docs</c>.</summary>
    public List<DocsEntry> Docs { get; set; } = [];
}

/// <summary>Fixed windows: per account (the token's <c>sub</c>) and per client address; a request
/// must fit in both.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    public WindowLimit PerAccount { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
    public WindowLimit PerClientAddress { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>Defaults for every cluster without its own <c>HealthCheck</c> section: the gateway asks each
/// service on this interval whether it is there. The default path is the liveness endpoint on purpose: a
/// service's readiness includes RabbitMQ, yet while RabbitMQ is down a service still takes writes (its
/// event log is the outbox), so the gateway must not shut it off for that. Point <see cref="Path"/> at an
/// endpoint that checks only what serving needs (its database) once the services offer one.</summary>
public sealed class ActiveHealthCheckOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
    public string Path { get; set; } = "/health/live";
}

public sealed class DocsEntry
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
}
