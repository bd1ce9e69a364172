using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.Testing.EventStore;
using IdoPlatform.Testing.Logging;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;

/// <summary>Two small services wired exactly as real ones: the "boxoffice" appends events and relays them,
/// the "audit" service consumes them idempotently in its own database.</summary>
public static class TestServices
{
    /// <summary>The publisher: event store, daemon and relay; <c>Sold</c> is published, <c>NoteTaken</c> is not.</summary>
    public static Task<IHost> StartBoxOffice(string database, Uri broker, bool quorum = false, int? relayConcurrency = null,
        Action<IServiceCollection>? services = null) =>
        Start(broker, quorum, builder =>
        {
            services?.Invoke(builder.Services);
            builder.Services.AddEventStore(o =>
            {
                o.ConnectionString = database;
                o.Events.Register<Sold>("sold").Register<NoteTaken>("note-taken");
                o.Aggregate<Show>("show", s => s.Id, Show.Evolve);
            });
            if (relayConcurrency is { } concurrency)
                builder.Configuration["Messaging:RelayConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Services.AddMessaging(builder.Configuration, "boxoffice", m => m.Catalogue = TestTopology.Catalogue);
            builder.Services.AddIntegrationEventRelay(map =>
                map.Map<Sold, TicketSold>((sold, stored) => new TicketSold(stored.StreamId, sold.Number)));
        });

    /// <summary>Starts a new show stream through the write path; returns its events as stored (ids, sequences).</summary>
    public static async Task<IReadOnlyList<StoredEvent>> StartShow(IHost host, AppendContext context, params object[] events)
    {
        var streams = host.Services.GetRequiredService<EventStreams>();
        var id = Guid.NewGuid();
        await streams.Start<Show>(id, events, context);
        return await streams.History(id);
    }

    /// <summary>The global sequence up to which the relay has published (0 before any), from Marten's progress.</summary>
    public static async Task<long> RelayPosition(IHost host)
    {
        var progress = await host.Services.GetRequiredService<IDocumentStore>().Advanced.AllProjectionProgress();
        return progress.FirstOrDefault(p => p.ShardName.StartsWith("relay", StringComparison.Ordinal))?.Sequence ?? 0;
    }

    /// <summary>The consumer, on its own database.</summary>
    public static async Task<IHost> StartAudit(string database, Uri broker, AuditProbe probe, bool quorum = false,
        ILoggerProvider? logs = null)
    {
        await using (var db = NpgsqlDataSource.Create(database))
        await using (var create = db.CreateCommand(TicketAuditConsumer.Table))
            await create.ExecuteNonQueryAsync();
        await DeclaredTables.Create(database, Inbox.Inbox.DeclaredTable());

        return await Start(broker, quorum, builder =>
        {
            if (logs is not null) builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(database));
            builder.Services.AddSingleton(probe);
            builder.Services.AddMessaging(builder.Configuration, "audit", m =>
            {
                m.Catalogue = TestTopology.Catalogue;
                m.Consume<TicketAuditConsumer>(TestTopology.AuditTickets);
            });
        });
    }

    internal static async Task<IHost> Start(Uri broker, bool quorum, Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = broker.ToString(),
            ["Messaging:QuorumQueues"] = quorum ? "true" : "false",
            ["Messaging:PublishTimeout"] = "00:00:05",
            ["Messaging:RetryIntervals:0"] = "00:00:00.050",
            ["Messaging:RetryIntervals:1"] = "00:00:00.100",
        });
        builder.Logging.ForTests();
        configure(builder);

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
