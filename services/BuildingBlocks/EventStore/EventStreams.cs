using System.Runtime.ExceptionServices;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>A stream's state and version, folded by its evolve function.</summary>
public sealed record Loaded<T>(T State, long Version);

/// <summary>One stream to start with a single event, with its own who and why.</summary>
public sealed record NewStream(Guid StreamId, object Event, AppendContext Context);

/// <summary>
/// The one write path of every service, on Marten: start a stream, or load it with <c>FetchForWriting</c>,
/// decide on its state (one <see cref="Decision"/> contract), and append at the version read. A stale or
/// lost race ends in <see cref="ConcurrencyException"/> (or <see cref="WriteStatus.Stale"/> when the caller
/// named the versions it accepts), and nothing is written. Inline projections run in the append's transaction.
/// </summary>
public sealed class EventStreams(IDocumentStore store, EventStoreOptions options)
{
    /// <summary>Starts a new stream of <typeparamref name="T"/>; <see cref="ConcurrencyException"/> when the id is taken.
    /// Returns the new version.</summary>
    public async Task<long> Start<T>(Guid id, IReadOnlyList<object> events, AppendContext context, CancellationToken ct = default)
        where T : class
    {
        if (events.Count == 0) throw new ArgumentException("Start a stream with at least one event.", nameof(events));
        EnsureNamed(events);
        await using var session = Open(context);
        session.Events.StartStream<T>(id, events);
        await Save(session, id, ct);
        return events.Count;
    }

    /// <summary>Starts <typeparamref name="T"/>'s stream together with <typeparamref name="TWith"/>'s, in one transaction:
    /// both or neither (either id taken: <see cref="ConcurrencyException"/>). For a record that must exist exactly when
    /// the stream does, such as the claim of a request key on the resource it created.</summary>
    public async Task<long> Start<T, TWith>(Guid id, IReadOnlyList<object> events, Guid withId, object withEvent,
        AppendContext context, CancellationToken ct = default) where T : class where TWith : class
    {
        if (events.Count == 0) throw new ArgumentException("Start a stream with at least one event.", nameof(events));
        EnsureNamed([.. events, withEvent]);
        await using var session = Open(context);
        session.Events.StartStream<T>(id, events);
        session.Events.StartStream<TWith>(withId, withEvent);
        await Save(session, id, ct);
        return events.Count;
    }

    /// <summary>
    /// Starts many one-event streams in one round trip; an id already taken (or repeated in the list) is skipped,
    /// not an error. Returns the ids that were started. Marten has no "start unless taken": a group that meets a
    /// taken id fails as a whole, so the taken ids are looked up and the rest started again. Repeats are rare
    /// (redeliveries), so a group usually costs one round trip and no lookup.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> StartNew<T>(IReadOnlyList<NewStream> streams, CancellationToken ct = default)
        where T : class
    {
        var fresh = streams.DistinctBy(s => s.StreamId).ToList();
        for (var attempt = 1; ; attempt++)
        {
            if (fresh.Count == 0) return new HashSet<Guid>();
            try
            {
                await StartEach<T>(fresh, ct);
                return fresh.Select(s => s.StreamId).ToHashSet();
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                var taken = await TakenIds(fresh.Select(s => s.StreamId).ToArray(), ct);
                fresh = fresh.Where(s => !taken.Contains(s.StreamId)).ToList();
            }
        }
    }

    /// <summary>Starts one-event streams in one transaction, each event stamped with its own who and why: all or none
    /// (an id taken: <see cref="ConcurrencyException"/>). Returns each stream's version, in order. For a group commit
    /// of requests that each start a stream.</summary>
    public async Task<IReadOnlyList<long>> StartEach<T>(IReadOnlyList<NewStream> streams, CancellationToken ct = default)
        where T : class
    {
        EnsureNamed(streams.Select(s => s.Event));
        await using var session = store.LightweightSession();
        foreach (var stream in streams) StartStamped<T>(session, stream);
        await Save(session, streams.Count == 1 ? streams[0].StreamId : Guid.Empty, ct);
        return streams.Select(_ => 1L).ToList();
    }

    private static void StartStamped<T>(IDocumentSession session, NewStream stream) where T : class
    {
        var e = session.Events.BuildEvent(stream.Event);
        e.CorrelationId = stream.Context.CorrelationId;
        e.CausationId = stream.Context.CausationId;
        e.UserName = stream.Context.Actor;
        session.Events.StartStream<T>(stream.StreamId, e);
    }

    private async Task<HashSet<Guid>> TakenIds(Guid[] ids, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var taken = await session.AdvancedSql.QueryAsync<Guid>(
            $"SELECT id FROM {store.Options.Events.DatabaseSchemaName}.mt_streams WHERE id = ANY(?)", ct, ids);
        return taken.ToHashSet();
    }

    /// <summary>The stream's state and version; null when it does not exist.</summary>
    public async Task<Loaded<T>?> Load<T>(Guid id, CancellationToken ct = default) where T : class
    {
        var events = await History(id, ct);
        if (events.Count == 0) return null;
        return Fold<T>(null, events.Select(e => e.Data)) is { } state ? new Loaded<T>(state, events[^1].StreamVersion) : null;
    }

    /// <summary>
    /// All events of one stream in version order (older versions lifted); empty when unknown. <paramref name="upTo"/>
    /// (when above 0) stops at that version, so a history matches a read model row read just before it.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> History(Guid id, CancellationToken ct = default, long upTo = 0)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, version: upTo, token: ct);
        return events.Select(StoredEvent.From).ToList();
    }

    /// <summary>
    /// Loads the stream for writing, asks <paramref name="decide"/> (given state and version), and appends what it
    /// decides at the version read. <paramref name="acceptsVersion"/> (the If-Match) is checked after a reply the
    /// decision settled itself (access, validation) and before a rejection. Without it, a lost race is decided again
    /// on the new state up to <paramref name="attempts"/> times — only for commands that are safe to repeat.
    /// <paramref name="initial"/> lets a missing stream start from that state instead of being "not found".
    /// </summary>
    public async Task<Written<T>> Change<T>(Guid id, Func<T, long, ValueTask<Decision>> decide, AppendContext context,
        CancellationToken ct = default, Predicate<long>? acceptsVersion = null, int attempts = 1, T? initial = null)
        where T : class
    {
        // No stream has the empty id, and Marten throws on it rather than finding nothing (an all-zero id in a route).
        if (id == Guid.Empty) return Written<T>.NotFound;
        for (var attempt = 1; ; attempt++)
        {
            await using var session = Open(context);
            var stream = await session.Events.FetchForWriting<T>(id, ct);
            var version = stream.CurrentVersion ?? 0;
            if ((stream.Aggregate ?? (version == 0 ? initial : null)) is not { } state) return Written<T>.NotFound;

            var decision = await decide(state, version);
            if (decision.Reply is { } reply) return new Written<T>(WriteStatus.Stopped, state, version, Reply: reply);
            if (acceptsVersion is not null && !acceptsVersion(version)) return new Written<T>(WriteStatus.Stale, state, version);
            if (decision.Rejection is { } rejection) return new Written<T>(WriteStatus.Rejected, state, version, rejection);
            if (decision.Events.Count == 0) return new Written<T>(WriteStatus.Unchanged, state, version);

            EnsureNamed(decision.Events);
            if (version == 0) session.Events.StartStream<T>(id, decision.Events);
            else stream.AppendMany(decision.Events);
            try
            {
                await Save(session, id, ct);
            }
            catch (ConcurrencyException) when (acceptsVersion is null && attempt < attempts)
            {
                continue; // someone else changed it in between: decide again on what is there now
            }
            catch (ConcurrencyException) when (acceptsVersion is not null)
            {
                return new Written<T>(WriteStatus.Stale, state, version);
            }
            return new Written<T>(WriteStatus.Appended, Fold(state, decision.Events)!, version + decision.Events.Count,
                Events: decision.Events);
        }
    }

    /// <summary>The synchronous form of <see cref="Change{T}(Guid, Func{T, long, ValueTask{Decision}}, AppendContext, CancellationToken, Predicate{long}?, int, T?)"/>.</summary>
    public Task<Written<T>> Change<T>(Guid id, Func<T, Decision> decide, AppendContext context,
        CancellationToken ct = default, Predicate<long>? acceptsVersion = null, int attempts = 1, T? initial = null)
        where T : class =>
        Change<T>(id, (state, _) => ValueTask.FromResult(decide(state)), context, ct, acceptsVersion, attempts, initial);

    /// <summary>Folds <paramref name="events"/> onto <paramref name="state"/> with the registered evolve function.</summary>
    public T? Fold<T>(T? state, IEnumerable<object> events) where T : class
    {
        var evolve = options.EvolveOf(typeof(T));
        object? current = state;
        foreach (var e in events) current = evolve(current, e);
        return (T?)current;
    }

    /// <summary>Marten would store an event type without a stable name under a CLR-derived one, without complaint
    /// (renaming the class would then orphan its events): refuse it before anything is written.</summary>
    private void EnsureNamed(IEnumerable<object> events)
    {
        foreach (var e in events)
            if (!options.Events.IsRegistered(e.GetType()))
                throw new InvalidOperationException($"Event type {e.GetType().Name} has no stable name; register it with its service's event types.");
    }

    /// <summary>A session that stamps every event it appends with who and which request.</summary>
    internal IDocumentSession Open(AppendContext context)
    {
        var session = store.LightweightSession();
        session.CorrelationId = context.CorrelationId;
        session.CausationId = context.CausationId;
        session.LastModifiedBy = context.Actor;
        return session;
    }

    /// <summary>Commits; Marten's version and id collisions become <see cref="ConcurrencyException"/>, and a unique
    /// violation raised by an inline projection surfaces as the <see cref="PostgresException"/> it is.</summary>
    internal static async Task Save(IDocumentSession session, Guid id, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException
                                      or Marten.Exceptions.ExistingStreamIdCollisionException
                                      or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            throw new ConcurrencyException(id, e.Message, e);
        }
        catch (MartenCommandException e) when (e.InnerException is PostgresException inner)
        {
            ExceptionDispatchInfo.Throw(inner);
        }
    }
}

public enum WriteStatus { NotFound, Stopped, Stale, Rejected, Unchanged, Appended }

/// <summary>What <see cref="EventStreams.Change{T}(Guid, Func{T, Decision}, AppendContext, CancellationToken, Predicate{long}?, int, T?)"/> did:
/// the state and version after it, and the rejection or reply when nothing was appended.</summary>
public sealed record Written<T>(WriteStatus Status, T? State, long Version, string? Rejection = null, object? Reply = null,
    IReadOnlyList<object>? Events = null) where T : class
{
    public static readonly Written<T> NotFound = new(WriteStatus.NotFound, null, 0);
}
