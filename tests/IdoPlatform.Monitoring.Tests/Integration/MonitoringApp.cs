using IdoPlatform.Testing.EventStore;
using System.Net.Http.Headers;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Monitoring.EventLog;
using IdoPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>
/// The monitoring service in-process on a fresh database of the real PostgreSQL and a fresh virtual host of
/// the real RabbitMQ, fed by a separate publisher (as the other services would be), so it can be stopped
/// and started again while messages keep coming.
/// </summary>
public sealed class MonitoringApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public string ConnectionString { get; private set; } = "";
    public Uri AmqpUri { get; private set; } = null!;
    public Publisher Publisher { get; private set; } = null!;
    public NpgsqlDataSource Database { get; private set; } = null!;

    public AuthOptions Auth { get; } = new()
    {
        Issuer = "ido-tests", Audience = "ido-platform", SigningKey = TokenIssuer.NewSigningKey(),
    };

    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("Not started.")).Services;

    public async Task InitializeAsync()
    {
        var database = RealServers.NewDatabaseAsync("monitoring");
        var virtualHost = RealServers.NewVirtualHostAsync("monitoring");
        ConnectionString = await database;
        AmqpUri = await virtualHost;
        Database = NpgsqlDataSource.Create(ConnectionString);
        Publisher = await Publisher.Start(AmqpUri);
        Start();
    }

    /// <summary>Starts a host (its consumers bind their queues, its daemon takes the projection).</summary>
    public void Start()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            web.UseSetting("ConnectionStrings:RabbitMq", AmqpUri.ToString());
            web.UseSetting("Auth:Issuer", Auth.Issuer);
            web.UseSetting("Auth:Audience", Auth.Audience);
            web.UseSetting("Auth:SigningKey", Auth.SigningKey);
            web.UseSetting("EventStore:PollInterval", "00:00:00.020");
            web.UseSetting("EventStore:TakeoverInterval", "00:00:00.200");
            web.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        });
        _factory.CreateClient().Dispose();
    }

    /// <summary>Stops the host as a crash or redeploy would: whatever was in flight is not finished.</summary>
    public async Task Stop()
    {
        if (_factory is null) return;
        // As on SIGTERM: the host stops its services (the bus finishes what it holds) before it is disposed.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await _factory.Services.GetRequiredService<IBusControl>().StopAsync(timeout.Token);
        await _factory.DisposeAsync();
        _factory = null;
    }

    public HttpClient Client(CurrentAccount? account = null)
    {
        var client = (_factory ?? throw new InvalidOperationException("Not started.")).CreateClient();
        if (account is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                TokenIssuer.Issue(Auth, account, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        return client;
    }

    public static CurrentAccount Monitor() => new($"monitor-{Guid.NewGuid():N}", Roles.Monitor);
    public static CurrentAccount PlatformAdmin() => new($"admin-{Guid.NewGuid():N}", Roles.PlatformAdmin);
    public static CurrentAccount LibraryAdmin(Guid organisation) => new($"library-{Guid.NewGuid():N}", Roles.LibraryAdmin, organisation);
    public static CurrentAccount Agency(string code) => new($"agency-{Guid.NewGuid():N}", Roles.Agency, AgencyCode: code);

    private int _sent;

    /// <summary>Distinct messages sent so far (a redelivery is not a new one).</summary>
    public int Sent => _sent;

    /// <summary>Publishes as another service would; <paramref name="messageId"/> repeats a message (a redelivery).</summary>
    public async Task Send(object message, Guid? messageId = null)
    {
        await Publisher.Publish((dynamic)message, messageId);
        Interlocked.Increment(ref _sent);
    }

    /// <summary>Waits until everything sent is recorded and counted.</summary>
    public Task WaitUntilCounted() => WaitUntilCounted(Sent);

    /// <summary>Waits until the log holds <paramref name="messages"/> messages and the projection has counted them all.</summary>
    public async Task WaitUntilCounted(int messages)
    {
        await Eventually.True(async () => await EventCount() >= messages,
            $"{messages} messages recorded");
        var progress = Services.GetRequiredService<EventStoreProgress>();
        await progress.WaitForNonStale(TimeSpan.FromSeconds(60));
    }

    /// <summary>Messages in the log, in one stream (a message id) or in all, through Marten's API.</summary>
    public Task<long> EventCount(Guid? streamId = null) => StoredEvents.Count(ConnectionString, streamId);

    public async Task<T> Scalar<T>(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await Stop();
        await Publisher.DisposeAsync();
        await Database.DisposeAsync();
    }
}
