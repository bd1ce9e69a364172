using System.Net.Http.Headers;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Features.ExpireReferrals;
using IdoPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>
/// The referrals service in-process on a fresh database of the real PostgreSQL and a fresh virtual host
/// of the real RabbitMQ, with a clock the tests move. Shared by the integration collection, whose
/// tests run one after another, so a clock jump never surprises a test midway.
/// </summary>
public sealed class ReferralsApp : IAsyncLifetime
{
    public const int ValidDays = 10;

    private WebApplicationFactory<Program> _factory = null!;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public Uri AmqpUri { get; private set; } = null!;
    public AuthOptions Auth { get; } = new()
    {
        Issuer = "ido-tests", Audience = "ido-platform", SigningKey = TokenIssuer.NewSigningKey(),
    };

    public IServiceProvider Services => _factory.Services;

    public RelayedMessages Relayed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = RealServers.NewDatabaseAsync("referrals");
        var virtualHost = RealServers.NewVirtualHostAsync("referrals");
        var connectionString = await database;
        AmqpUri = await virtualHost;
        Relayed = new RelayedMessages(AmqpUri);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", connectionString);
            web.UseSetting("ConnectionStrings:RabbitMq", AmqpUri.ToString());
            web.UseSetting("Auth:Issuer", Auth.Issuer);
            web.UseSetting("Auth:Audience", Auth.Audience);
            web.UseSetting("Auth:SigningKey", Auth.SigningKey);
            web.UseSetting("Referrals:ValidDays", ValidDays.ToString());
            // The background sweep waits a long (real) hour between rounds; tests call SweepOnce themselves.
            web.UseSetting("Referrals:ExpirySweepInterval", "01:00:00");
            web.UseSetting("Seeds:LoadDemo", "true");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _factory.CreateClient().Dispose(); // start the host: consumers bind their queues now
    }

    public HttpClient Client(CurrentAccount? account = null)
    {
        var client = _factory.CreateClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                TokenIssuer.Issue(Auth, account, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        return client;
    }

    public static CurrentAccount Agency(string code) => new($"agency-{code}-{Guid.NewGuid():N}", Roles.Agency, AgencyCode: code);

    public static CurrentAccount Desk(Guid organisationId) => new($"desk-{Guid.NewGuid():N}", Roles.Desk, organisationId);

    public static CurrentAccount Monitor() => new($"monitor-{Guid.NewGuid():N}", Roles.Monitor);

    /// <summary>Publishes an integration message on the service's own bus, as another service would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    public Task<int> SweepExpired() => Services.GetRequiredService<ExpirySweep>().SweepOnce(CancellationToken.None);

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReferralsCollection : ICollectionFixture<ReferralsApp>
{
    public const string Name = "referrals service on real PostgreSQL and RabbitMQ";
}
