using System.Net.Http.Headers;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Registrations.Locations;
using IdoPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>
/// The registrations service in-process on a fresh database of the real PostgreSQL and a fresh virtual
/// host of the real RabbitMQ, with a clock the tests set. Shared by the integration collection, whose
/// tests run one after another; each test uses its own organisation and locations.
/// </summary>
public sealed class RegistrationsApp : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public Uri AmqpUri { get; private set; } = null!;
    public RelayedVisits Relayed { get; private set; } = null!;
    public AuthOptions Auth { get; } = new()
    {
        Issuer = "ido-tests", Audience = "ido-platform", SigningKey = TokenIssuer.NewSigningKey(),
    };

    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        var database = RealServers.NewDatabaseAsync("registrations");
        var virtualHost = RealServers.NewVirtualHostAsync("registrations");
        var connectionString = await database;
        AmqpUri = await virtualHost;
        Relayed = new RelayedVisits(AmqpUri);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", connectionString);
            web.UseSetting("ConnectionStrings:RabbitMq", AmqpUri.ToString());
            web.UseSetting("Auth:Issuer", Auth.Issuer);
            web.UseSetting("Auth:Audience", Auth.Audience);
            web.UseSetting("Auth:SigningKey", Auth.SigningKey);
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // The consumer's queue must be bound before the tests publish locations to it.
                services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
            });
        });
        _factory.CreateClient().Dispose(); // start the host
    }

    public HttpClient Client(CurrentAccount? account = null)
    {
        var client = _factory.CreateClient();
        if (account is not null)
        {
            // Valid both by the service's (possibly moved) clock and by real time, whichever checks it.
            var now = DateTimeOffset.UtcNow;
            var clock = Clock.GetUtcNow();
            var from = (now < clock ? now : clock).AddMinutes(-5);
            var lifetime = (now > clock ? now - clock : clock - now) + TimeSpan.FromHours(2);
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", TokenIssuer.Issue(Auth, account, lifetime, from));
        }
        return client;
    }

    public static CurrentAccount Desk(Guid organisationId) => new($"desk-{Guid.NewGuid():N}", Roles.Desk, organisationId);

    /// <summary>Publishes an offers event on the bus, as the offers service would, with a fresh message id.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    /// <summary>A location with an IDO of <paramref name="organisationId"/>, known to the service once this returns.</summary>
    public async Task<LocationDetails> AddLocation(Guid organisationId, bool hasIdo = true, string? municipality = null)
    {
        var location = Places.Location(organisationId, hasIdo, municipality);
        await Publish(new LocationRegistered(location, DateTimeOffset.UtcNow));
        await Eventually.Get(() => Replica.Find(location.LocationId), $"location {location.LocationId} reached the replica");
        return location;
    }

    public LocationReplica Replica => Services.GetRequiredService<LocationReplica>();

    public async Task<long> Scalar(string sql, params object[] parameters)
    {
        await using var command = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Everything the service has stored: events and read-model rows.</summary>
    public async Task<(long Events, long Visits)> Stored() =>
        (await Scalar("SELECT count(*) FROM ido_events"), await Scalar("SELECT count(*) FROM visit_list"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RegistrationsCollection : ICollectionFixture<RegistrationsApp>
{
    public const string Name = "registrations service on real PostgreSQL and RabbitMQ";
}
