using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>A fresh database on the real PostgreSQL with the store wired up as a service would.</summary>
public sealed class StoreDatabase : IAsyncDisposable
{
    public required EventStoreOptions Options { get; init; }
    public required NpgsqlDataSource DataSource { get; init; }
    public required EventStoreSchema Schema { get; init; }

    public static async Task<StoreDatabase> Create()
    {
        var server = await RealServers.PostgresAsync();
        var options = new EventStoreOptions
        {
            ConnectionString = await server.CreateDatabaseAsync("es"),
            PollInterval = TimeSpan.FromMilliseconds(20),
            TakeoverInterval = TimeSpan.FromMilliseconds(100),
        };
        options.Events.Register<Counted>("counted").Register<Renamed>("renamed").Register<Greeted>("greeted", 2);
        var dataSource = EventStoreRegistration.CreateDataSource(options);
        var schema = new EventStoreSchema(dataSource);
        await schema.EnsureCreated();
        return new StoreDatabase
        {
            Options = options, DataSource = dataSource, Schema = schema,
            Unpooled = EventStoreRegistration.CreateDataSource(options, pooling: false),
        };
    }

    public IEventStore Store(params IInlineProjection[] inline) =>
        new NpgsqlEventStore(DataSource, Schema, Options, inline, TimeProvider.System);

    internal SubscriptionRunner Runner(ISubscription subscription) =>
        new(subscription, Unpooled, Schema, Options, NullLogger.Instance);

    public required NpgsqlDataSource Unpooled { get; init; }

    public async Task<long> Scalar(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<string?> Text(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (string?)await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Unpooled.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
