using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

/// <summary>The sample API on a test server, set up exactly as a service's Program.cs would. It runs
/// in the Development environment on purpose: even there no exception detail may leak.</summary>
public class SampleHost : IAsyncLifetime
{
    public static readonly ServiceDescription Service = new("samples", "/samples/v1", "1.2.3", "Voorbeelden")
    {
        Description = "Voorbeeld-API voor de gedeelde HTTP-conventies.",
        AlsoProduces = ["text/csv"],
    };

    public const string AllowedOrigin = "https://balie.example.nl";

    public AuthOptions Auth { get; } = new()
    {
        Issuer = "https://login.ido.example.nl",
        Audience = "ido-platform",
        SigningKey = TokenIssuer.NewSigningKey(),
    };

    /// <summary>What the host logged: a client's bad input must leave no error or exception here.</summary>
    public CapturedLogs Logs { get; } = new();

    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Extra services of a derived host (a database, say).</summary>
    protected virtual Task ConfigureServicesAsync(IServiceCollection services) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = Auth.Issuer,
            ["Auth:Audience"] = Auth.Audience,
            ["Auth:SigningKey"] = Auth.SigningKey,
            ["Api:MaxRequestBodyBytes"] = "4096",
            ["Api:CorsOrigins:0"] = AllowedOrigin,
            ["Api:PublicUrl"] = "https://api.ido.example.nl",
        });
        builder.Logging.AddProvider(Logs);
        builder.AddServiceDefaults(Service);
        builder.Services.AddSingleton<NoteBook>();
        await ConfigureServicesAsync(builder.Services);

        App = builder.Build();
        App.UseServiceDefaults();
        App.MapSampleApi();
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    public string TokenFor(CurrentAccount account, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null) =>
        TokenIssuer.Issue(Auth, account, lifetime ?? TimeSpan.FromMinutes(10), issuedAt ?? DateTimeOffset.UtcNow);

    public HttpClient ClientAs(CurrentAccount account)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TokenFor(account));
        return client;
    }

    public static readonly CurrentAccount DeskAccount = new("desk-1", Roles.Desk, Guid.Parse("6d1f6b7e-4a53-4bb8-9a57-0a3c1b9d2f10"));
    public static readonly CurrentAccount MonitorAccount = new("monitor-1", Roles.Monitor);

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(nameof(SampleHost))]
public sealed class SampleHostCollection : ICollectionFixture<SampleHost>;
