using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// The write side of a service, in Marten's vocabulary so Marten can replace it once it restores:
/// start a stream, append with an expected version, fetch and aggregate a stream.
/// Every append runs the registered inline projections in the same transaction.
/// </summary>
public interface IEventStore
{
    /// <summary>Starts a new stream; <see cref="ConcurrencyException"/> when the id is taken.</summary>
    Task<AppendResult> StartStream(string streamType, Guid streamId, IReadOnlyList<object> events,
        AppendContext context, CancellationToken ct = default);

    /// <summary>Starts many one-event streams in one statement; an id already taken (or repeated in the
    /// list) is skipped, not an error. Returns the ids that were started.</summary>
    Task<IReadOnlySet<Guid>> StartStreams(string streamType, IReadOnlyList<NewStream> streams,
        CancellationToken ct = default);

    /// <summary>Appends when the stream is at <paramref name="expectedVersion"/>, else
    /// <see cref="ConcurrencyException"/> and nothing is written.</summary>
    Task<AppendResult> Append(Guid streamId, long expectedVersion, IReadOnlyList<object> events,
        AppendContext context, CancellationToken ct = default);

    /// <summary>All events of one stream in version order (upcast to their current shape); empty when unknown.</summary>
    Task<IReadOnlyList<StoredEvent>> FetchStream(Guid streamId, CancellationToken ct = default);
}

/// <summary>One stream to start with a single event.</summary>
public sealed record NewStream(Guid StreamId, object Event, AppendContext Context);

/// <summary>A read model updated in the append's own transaction, so a write sees it at once.</summary>
public interface IInlineProjection
{
    Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct);
}

public static class EventStoreExtensions
{
    /// <summary>Folds a stream into state with a pure evolve function; null when the stream is unknown.</summary>
    public static async Task<(TState State, long Version)?> AggregateStream<TState>(this IEventStore store,
        Guid streamId, TState initial, Func<TState, object, TState> evolve, CancellationToken ct = default)
    {
        var events = await store.FetchStream(streamId, ct);
        if (events.Count == 0) return null;
        var state = initial;
        foreach (var e in events) state = evolve(state, e.Data);
        return (state, events[^1].StreamVersion);
    }
}
