using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// The event store on bare Npgsql. An append is one statement: the stream row's version check and the
/// event inserts happen together, so a stale expected version takes no sequence number and writes nothing.
/// </summary>
public sealed class NpgsqlEventStore(
    NpgsqlDataSource dataSource,
    EventStoreSchema schema,
    EventStoreOptions options,
    IEnumerable<IInlineProjection> inlineProjections,
    TimeProvider clock) : IEventStore
{
    private readonly IInlineProjection[] _inline = inlineProjections.ToArray();
    private EventTypeRegistry Types => options.Events;

    // A stream's version is its newest event's; (stream_id, version) is unique. A start writes versions
    // 1..n, an append expected+1..; the insert happens only when the stream stands where the caller
    // expects (so a stale version takes no sequence number), and a racing writer that got there first
    // makes the insert hit the unique index: either way nothing is written and the caller gets a
    // ConcurrencyException.
    private const string StartSql = """
        INSERT INTO ido_events (stream_id, stream_type, version, type, type_version, data, event_id,
                                actor, correlation_id, causation_id, created_at)
        SELECT @id, @stream_type, e.ord, e.type, e.type_version, e.data, e.event_id,
               @actor, @correlation_id, @causation_id, @created_at
        FROM unnest(@types, @type_versions, @datas, @event_ids) WITH ORDINALITY
                AS e(type, type_version, data, event_id, ord)
        WHERE NOT EXISTS (SELECT FROM ido_events WHERE stream_id = @id)
        RETURNING seq, tx_id, version, stream_type
        """;

    private const string AppendSql = """
        WITH head AS (
            SELECT stream_type, version FROM ido_events WHERE stream_id = @id ORDER BY version DESC LIMIT 1)
        INSERT INTO ido_events (stream_id, stream_type, version, type, type_version, data, event_id,
                                actor, correlation_id, causation_id, created_at)
        SELECT @id, head.stream_type, @expected + e.ord, e.type, e.type_version, e.data, e.event_id,
               @actor, @correlation_id, @causation_id, @created_at
        FROM head, unnest(@types, @type_versions, @datas, @event_ids) WITH ORDINALITY
                AS e(type, type_version, data, event_id, ord)
        WHERE head.version = @expected
        RETURNING seq, tx_id, version, stream_type
        """;

    // Many one-event streams at once: a stream that exists already has its version 1 taken, so the
    // unique index skips it (as it skips the second of two equal ids in one list).
    private const string StartManySql = """
        INSERT INTO ido_events (stream_id, stream_type, version, type, type_version, data, event_id,
                                actor, correlation_id, causation_id, created_at)
        SELECT e.id, @stream_type, 1, e.type, e.type_version, e.data, e.event_id,
               e.actor, e.correlation_id, e.causation_id, @created_at
        FROM unnest(@ids, @types, @type_versions, @datas, @event_ids, @actors, @correlation_ids, @causation_ids)
                AS e(id, type, type_version, data, event_id, actor, correlation_id, causation_id)
        ON CONFLICT (stream_id, version) DO NOTHING
        RETURNING seq, tx_id, stream_id, event_id
        """;

    public Task<AppendResult> StartStream(string streamType, Guid streamId, IReadOnlyList<object> events,
        AppendContext context, CancellationToken ct = default) =>
        Write(StartSql, streamId, streamType, expectedVersion: 0, events, context, ct);

    public Task<AppendResult> Append(Guid streamId, long expectedVersion, IReadOnlyList<object> events,
        AppendContext context, CancellationToken ct = default) =>
        Write(AppendSql, streamId, streamType: null, expectedVersion, events, context, ct);

    private async Task<AppendResult> Write(string sql, Guid streamId, string? streamType, long expectedVersion,
        IReadOnlyList<object> events, AppendContext context, CancellationToken ct)
    {
        if (events.Count == 0) throw new ArgumentException("Append at least one event.", nameof(events));
        await schema.EnsureCreated();

        var now = clock.GetUtcNow();
        var names = events.Select(e => Types.NameOf(e.GetType())).ToArray();
        var eventIds = events.Select(_ => Guid.CreateVersion7(now)).ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Inline projections must commit with the events; without them the single statement is its own transaction.
        await using var tx = _inline.Length > 0 ? await connection.BeginTransactionAsync(ct) : null;
        await using var command = new NpgsqlCommand(sql, connection, tx);
        var p = command.Parameters;
        p.AddWithValue("id", streamId);
        p.AddWithValue("expected", expectedVersion);
        p.AddWithValue("stream_type", streamType ?? "");
        p.AddWithValue("actor", (object?)context.Actor ?? DBNull.Value);
        p.AddWithValue("correlation_id", (object?)context.CorrelationId ?? DBNull.Value);
        p.AddWithValue("causation_id", (object?)context.CausationId ?? DBNull.Value);
        p.AddWithValue("created_at", now);
        AddEvents(p, events, names, eventIds);

        var stored = new List<StoredEvent>(events.Count);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var version = reader.GetInt64(2);
                var index = (int)(version - expectedVersion - 1);
                stored.Add(new StoredEvent(
                    Sequence: reader.GetInt64(0),
                    TransactionId: reader.GetFieldValue<ulong>(1),
                    StreamId: streamId,
                    StreamType: reader.GetString(3),
                    StreamVersion: version,
                    TypeAlias: names[index].Alias,
                    TypeVersion: names[index].Version,
                    Data: events[index],
                    Metadata: new EventMetadata(eventIds[index], now, context.Actor, context.CorrelationId,
                        context.CausationId)));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            stored.Clear(); // a racing writer took the version first
        }

        if (stored.Count == 0)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            throw new ConcurrencyException(streamId, expectedVersion, await CurrentVersion(connection, streamId, ct));
        }

        stored.Sort((a, b) => a.StreamVersion.CompareTo(b.StreamVersion));
        await ProjectAndCommit(stored, connection, tx, ct);
        return new AppendResult(streamId, stored[^1].StreamVersion, stored);
    }

    public async Task<IReadOnlySet<Guid>> StartStreams(string streamType, IReadOnlyList<NewStream> streams,
        CancellationToken ct = default)
    {
        var started = new HashSet<Guid>();
        if (streams.Count == 0) return started;
        await schema.EnsureCreated();

        var now = clock.GetUtcNow();
        var names = streams.Select(s => Types.NameOf(s.Event.GetType())).ToArray();
        var eventIds = streams.Select(_ => Guid.CreateVersion7(now)).ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = _inline.Length > 0 ? await connection.BeginTransactionAsync(ct) : null;
        await using var command = new NpgsqlCommand(StartManySql, connection, tx);
        var p = command.Parameters;
        p.AddWithValue("stream_type", streamType);
        p.AddWithValue("created_at", now);
        p.AddWithValue("ids", streams.Select(s => s.StreamId).ToArray());
        AddEvents(p, streams.Select(s => s.Event).ToList(), names, eventIds);
        p.Add(TextArray("actors", streams.Select(s => s.Context.Actor)));
        p.Add(TextArray("correlation_ids", streams.Select(s => s.Context.CorrelationId)));
        p.Add(TextArray("causation_ids", streams.Select(s => s.Context.CausationId)));

        var stored = new List<StoredEvent>(streams.Count);
        var byEventId = Enumerable.Range(0, streams.Count).ToDictionary(i => eventIds[i]);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var i = byEventId[reader.GetGuid(3)];
                var (stream, context) = (streams[i], streams[i].Context);
                started.Add(stream.StreamId);
                stored.Add(new StoredEvent(reader.GetInt64(0), reader.GetFieldValue<ulong>(1), stream.StreamId,
                    streamType, 1, names[i].Alias, names[i].Version, stream.Event,
                    new EventMetadata(eventIds[i], now, context.Actor, context.CorrelationId, context.CausationId)));
            }
        }

        stored.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        await ProjectAndCommit(stored, connection, tx, ct);
        return started;
    }

    /// <summary>With inline projections the write runs in a transaction: they see what was written, and it all
    /// commits together. Without, the single statement was its own transaction.</summary>
    private async Task ProjectAndCommit(List<StoredEvent> stored, NpgsqlConnection connection, NpgsqlTransaction? tx,
        CancellationToken ct)
    {
        if (tx is null) return;
        if (stored.Count > 0)
            foreach (var projection in _inline) await projection.Apply(stored, connection, tx, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The per-event columns, as arrays side by side for <c>unnest</c>.</summary>
    private void AddEvents(NpgsqlParameterCollection p, IReadOnlyList<object> events, (string Alias, int Version)[] names,
        Guid[] eventIds)
    {
        p.AddWithValue("types", names.Select(n => n.Alias).ToArray());
        p.AddWithValue("type_versions", names.Select(n => n.Version).ToArray());
        p.Add(new NpgsqlParameter("datas", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = events.Select(Types.Serialize).ToArray() });
        p.AddWithValue("event_ids", eventIds);
    }

    private static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static async Task<long?> CurrentVersion(NpgsqlConnection connection, Guid streamId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT max(version) FROM ido_events WHERE stream_id = @id", connection);
        command.Parameters.AddWithValue("id", streamId);
        return await command.ExecuteScalarAsync(ct) is long version ? version : null;
    }

    public async Task<IReadOnlyList<StoredEvent>> FetchStream(Guid streamId, CancellationToken ct = default)
    {
        await schema.EnsureCreated();
        await using var command = dataSource.CreateCommand(
            $"SELECT {EventReader.Columns} FROM ido_events WHERE stream_id = @id ORDER BY version");
        command.Parameters.AddWithValue("id", streamId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await EventReader.ReadAll(reader, Types, ct);
    }
}
