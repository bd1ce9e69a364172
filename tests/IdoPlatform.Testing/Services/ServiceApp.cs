using System.Net.Http.Headers;
using IdoPlatform.BuildingBlocks.Security;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using IdoPlatform.Testing.Outages;
using Npgsql;
using Xunit;

namespace IdoPlatform.Testing.Services;

/// <summary>
/// A service in-process on a fresh database of the real PostgreSQL and a fresh virtual host of the real
/// RabbitMQ, signing in with test JWT settings of its own. Generic because every service has its own
/// global <c>Program</c>: a test project derives <c>MyApp : ServiceApp&lt;Program&gt;</c>.
/// </summary>
public abstract class ServiceApp<TProgram> : IAsyncLifetime where TProgram : class
{
    private WebApplicationFactory<TProgram>? _factory;

    /// <summary>Names the fresh database and virtual host (a random part follows).</summary>
    protected abstract string Prefix { get; }

    /// <summary>Settings a derived fixture adds, applied last (demo seeds, a missing file).</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>True: the service reaches its database through <see cref="Database"/>, a link the test can cut to take
    /// the database away from the service alone (the test's own queries, <see cref="Scalar"/>, still go straight).</summary>
    protected virtual bool DatabaseCanBeCut => false;

    /// <summary>The service's way to its database when <see cref="DatabaseCanBeCut"/>.</summary>
    public TcpLink Database => _database ?? throw new InvalidOperationException("Override DatabaseCanBeCut to get a link to cut.");

    private TcpLink? _database;

    /// <summary>The clock the service runs on. A derived app that moves time returns its <see cref="ManualClock"/>:
    /// it then replaces the service's <see cref="TimeProvider"/>, and tokens are valid by it and by real time.</summary>
    protected virtual TimeProvider ServiceClock => TimeProvider.System;

    public string ConnectionString { get; private set; } = "";
    public Uri AmqpUri { get; private set; } = null!;
    public AuthOptions Auth { get; } = new()
    {
        Issuer = "ido-tests", Audience = "ido-platform", SigningKey = TokenIssuer.NewSigningKey(),
    };

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<TProgram> Factory =>
        _factory ?? throw new InvalidOperationException("The service has not started yet (InitializeAsync).");

    public virtual async Task InitializeAsync()
    {
        var database = RealServers.NewDatabaseAsync(Prefix);
        var virtualHost = RealServers.NewVirtualHostAsync(Prefix);
        ConnectionString = await database;
        AmqpUri = await virtualHost;
        if (DatabaseCanBeCut)
        {
            var server = new NpgsqlConnectionStringBuilder(ConnectionString);
            _database = TcpLink.To(server.Host!, server.Port);
        }
        _factory = Create(Settings);
        _factory.CreateClient().Dispose(); // start the host: seeds load and consumers bind their queues now
    }

    /// <summary>Another instance of the service on the same database and broker, <paramref name="settings"/> applied last.</summary>
    public WebApplicationFactory<TProgram> Create(IEnumerable<(string Key, string Value)> settings) =>
        new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", _database is null ? ConnectionString
                : new NpgsqlConnectionStringBuilder(ConnectionString) { Port = _database.Port }.ConnectionString);
            web.UseSetting("ConnectionStrings:RabbitMq", AmqpUri.ToString());
            web.UseSetting("Auth:Issuer", Auth.Issuer);
            web.UseSetting("Auth:Audience", Auth.Audience);
            web.UseSetting("Auth:SigningKey", Auth.SigningKey);
            if (ServiceClock != TimeProvider.System)
                web.ConfigureTestServices(services => services.AddSingleton(ServiceClock));
            ConfigureWebHost(web);
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });

    /// <summary>The service's own test settings and services.</summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder web)
    {
    }

    /// <summary>A client, signed in as <paramref name="account"/> when given.</summary>
    public HttpClient Client(CurrentAccount? account = null)
    {
        var client = Factory.CreateClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(account));
        return client;
    }

    /// <summary>A token for <paramref name="account"/>, valid both by the service's (possibly moved) clock and
    /// by real time, whichever checks it.</summary>
    public string Token(CurrentAccount account)
    {
        var now = DateTimeOffset.UtcNow;
        var clock = ServiceClock.GetUtcNow();
        var from = (now < clock ? now : clock).AddMinutes(-5);
        var lifetime = (now > clock ? now - clock : clock - now) + TimeSpan.FromHours(2);
        return TokenIssuer.Issue(Auth, account, lifetime, from);
    }

    /// <summary>Publishes an integration message on the service's own bus, as another service would,
    /// with a fresh message id unless one is given.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    /// <summary>One number from the service's database (a count of stored rows, say).</summary>
    public Task<long> Scalar(string sql, params object[] parameters) => Sql.Scalar(ConnectionString, sql, parameters);

    /// <summary>How many events are stored, in one stream or in all: through Marten's API, so no test names an
    /// event-store table.</summary>
    public Task<long> EventCount(Guid? streamId = null) => EventStore.StoredEvents.Count(ConnectionString, streamId);

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
