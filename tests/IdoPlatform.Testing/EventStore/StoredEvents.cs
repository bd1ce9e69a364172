using JasperFx;
using Marten;

namespace IdoPlatform.Testing.EventStore;

/// <summary>What a service's event store holds, read through Marten's API (no test names an event-store table), and
/// readable while the service itself is stopped.</summary>
public static class StoredEvents
{
    /// <summary>How many domain events are stored, in one stream or in all.</summary>
    public static async Task<long> Count(string connectionString, Guid? streamId = null)
    {
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.AutoCreateSchemaObjects = AutoCreate.None;
        });
        await using var session = store.QuerySession();
        // Marten fills the sequence number of a refused append with a tombstone: not an event of ours.
        if (streamId is not { } id)
            return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").LongCountAsync();
        // A stream's version is the number of its events (no event is ever deleted).
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
