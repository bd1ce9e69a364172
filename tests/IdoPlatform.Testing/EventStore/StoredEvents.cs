using JasperFx;
using Marten;

namespace IdoPlatform.Testing.EventStore;

/// <summary>What a service's event store holds, read through Marten's API (no test names an event-store table), and
/// readable while the service itself is stopped.</summary>
public static class StoredEvents
{
    /// <summary>How many events are stored, in one stream or in all.</summary>
    public static async Task<long> Count(string connectionString, Guid? streamId = null)
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.AutoCreateSchemaObjects = AutoCreate.None;
        });
        if (streamId is not { } id) return (await store.Advanced.FetchEventStoreStatistics()).EventCount;
        await using var session = store.QuerySession();
        // A stream's version is the number of its events (no event is ever deleted).
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
