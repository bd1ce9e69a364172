using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using IdoPlatform.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        builder.Logging.ForTests();
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

    /// <summary>Starts a counter stream with the given numbers; returns its events as stored.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> Count(this IHost host, params int[] numbers)
    {
        var id = Guid.NewGuid();
        await host.Streams().Start<Counter>(id, [.. numbers.Select(n => (object)new Counted(n))], AppendContext.System);
        return await host.Streams().History(id);
    }
}
