using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IdoPlatform.Gateway.Tests.Support;

/// <summary>The real gateway on a real loopback port, its clusters pointed at the given backends
/// (service name → address), with test keys and short health-check intervals; extra settings win.</summary>
public sealed class RunningGateway : IAsyncDisposable
{
    public static readonly string[] Services = ["registrations", "referrals", "offers", "monitoring"];

    /// <summary>Between two looks at what the gateway's health probes (short intervals here) have seen.</summary>
    public static readonly TimeSpan ProbePause = TimeSpan.FromMilliseconds(200);

    private readonly WebApplication _app;

    private RunningGateway(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = NewClient();
    }

    public Uri Address { get; }

    /// <summary>A client without a token that does not follow redirects.</summary>
    public HttpClient Client { get; }

    public HttpClient NewClient(string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<RunningGateway> StartAsync(IReadOnlyDictionary<string, string> backends,
        IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Gateway:HealthChecks:Interval"] = "00:00:01",
            ["Gateway:HealthChecks:Timeout"] = "00:00:01",
            ["Gateway:Timeout"] = "00:00:10",
            ["Gateway:RetryAfter"] = "00:00:07",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (service, backend) in backends)
            configuration[$"ReverseProxy:Clusters:{service}:Destinations:primary:Address"] = backend;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var app = GatewayApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            if (logs is not null) builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningGateway(app, new Uri(address));
    }

    /// <summary>What the gateway's <c>/health/ready</c> says of one service ("Healthy", "Degraded").</summary>
    public async Task<string?> ServiceStatusAsync(string service)
    {
        using var response = await Client.GetAsync("/health/ready");
        var report = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return report.GetProperty("services").GetProperty(service).GetProperty("status").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
