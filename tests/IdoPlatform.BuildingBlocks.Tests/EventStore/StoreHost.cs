using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>A small host wired as a service would be: the event store on a real PostgreSQL database.</summary>
public static class StoreHost
{
    public static Task<string> NewDatabase() => RealServers.NewDatabaseAsync("es");

    /// <summary>Starts a host on <paramref name="database"/> with the test events and the <see cref="Counter"/> stream.</summary>
    public static async Task<IHost> Start(string database, Action<IServiceCollection>? services = null,
        Action<EventStoreOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("IDO_TEST_LOGS") == "1")
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = database;
            o.Aggregate<Counter>("counter", c => c.Id, Counter.Evolve);
            o.Events.Register<Counted>("counted").Register<Renamed>("renamed");
            configure?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static EventStreams Streams(this IHost host) => host.Services.GetRequiredService<EventStreams>();

    public static async Task<long> Scalar(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task<List<T>> Column<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>Starts a counter stream with the given numbers; returns its events as stored.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> Count(this IHost host, params int[] numbers)
    {
        var id = Guid.NewGuid();
        await host.Streams().Start<Counter>(id, [.. numbers.Select(n => (object)new Counted(n))], AppendContext.System);
        return await host.Streams().History(id);
    }
}
