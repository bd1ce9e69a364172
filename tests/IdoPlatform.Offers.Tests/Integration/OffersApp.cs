using System.Net.Http.Headers;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>
/// The offers service in-process on a fresh database of the real PostgreSQL and a fresh virtual host of
/// the real RabbitMQ. Offer types are always seeded; the demo set only where a test asks for it.
/// </summary>
public class OffersApp : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    public string ConnectionString { get; private set; } = "";
    public Uri AmqpUri { get; private set; } = null!;
    public AuthOptions Auth { get; } = new() { Issuer = "ido-tests", Audience = "ido-platform", SigningKey = TokenIssuer.NewSigningKey() };
    public IServiceProvider Services => _factory.Services;

    /// <summary>Settings a derived fixture changes (demo seeds, a missing postcode file).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    protected virtual string Prefix => "offers";

    public virtual async Task InitializeAsync()
    {
        var database = RealServers.NewDatabaseAsync(Prefix);
        var virtualHost = RealServers.NewVirtualHostAsync(Prefix);
        ConnectionString = await database;
        AmqpUri = await virtualHost;
        _factory = Create(Settings);
        _factory.CreateClient().Dispose(); // start the host: seeds load now
    }

    /// <summary>Another instance of the service on the same database and broker.</summary>
    public WebApplicationFactory<Program> Create(IEnumerable<(string Key, string Value)> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            web.UseSetting("ConnectionStrings:RabbitMq", AmqpUri.ToString());
            web.UseSetting("Auth:Issuer", Auth.Issuer);
            web.UseSetting("Auth:Audience", Auth.Audience);
            web.UseSetting("Auth:SigningKey", Auth.SigningKey);
            web.UseSetting("Seeds:LoadDemo", "false");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });

    public HttpClient Client(CurrentAccount? account = null)
    {
        var client = _factory.CreateClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                TokenIssuer.Issue(Auth, account, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        return client;
    }

    public static CurrentAccount PlatformAdmin() => new($"platform-{Guid.NewGuid():N}", Roles.PlatformAdmin);

    public static CurrentAccount LibraryAdmin(Guid organisationId) => new($"admin-{Guid.NewGuid():N}", Roles.LibraryAdmin, organisationId);

    /// <summary>Events stored so far: a refused request must not change it.</summary>
    public async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ido_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public virtual async Task DisposeAsync() => await _factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class OffersCollection : ICollectionFixture<OffersApp>
{
    public const string Name = "offers service on real PostgreSQL and RabbitMQ";
}
