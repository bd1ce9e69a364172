using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// One-off move of a database written by the platform's earlier, own event store (tables <c>ido_events</c> and
/// <c>ido_subscriptions</c>) into Marten's tables, at start-up: after Marten's schema is there, before the daemon and
/// any writer run. Event ids, names, versions, metadata and timestamps are kept; the old global order (transaction,
/// sequence) becomes Marten's sequence in the same order; each subscription's progress is set to where its checkpoint
/// stood, so nothing is relayed or projected again. The old tables are renamed to <c>…_imported</c> in the same
/// transaction, which makes the import idempotent. A database whose Marten tables already hold events is left alone.
/// </summary>
internal sealed class OwnStoreImport(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger<OwnStoreImport> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await OldTablesExist(connection, null, ct)) return;

        await using var tx = await connection.BeginTransactionAsync(ct);
        await Execute(connection, tx, "SELECT pg_advisory_xact_lock(hashtextextended('ido:own-store-import', 0))", ct);
        if (!await OldTablesExist(connection, tx, ct)) return; // another replica did it meanwhile
        if (await Scalar(connection, tx, "SELECT count(*) FROM mt_events", ct) > 0)
        {
            logger.LogError("Both the earlier event store's tables and Marten's hold events; nothing imported. Move one aside.");
            return;
        }

        var types = options.Events.Mapped.Select(m => (m.StoredName, DotNet: $"{m.Type.FullName}, {m.Type.Assembly.GetName().Name}")).ToList();
        await using (var command = new NpgsqlCommand("""
            CREATE TEMP TABLE imported ON COMMIT DROP AS
                SELECT row_number() OVER (ORDER BY e.tx_id, e.seq) AS seq_id, e.* FROM ido_events e;
            INSERT INTO mt_streams (id, type, version, timestamp, created)
                SELECT stream_id, min(stream_type), max(version), max(created_at), min(created_at) FROM imported GROUP BY stream_id;
            INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type,
                                   correlation_id, causation_id, user_name)
                SELECT i.seq_id, i.event_id, i.stream_id, i.version, i.data,
                       CASE WHEN i.type_version = 1 THEN i.type ELSE i.type || '.v' || i.type_version END,
                       i.created_at, t.dotnet, i.correlation_id, i.causation_id, i.actor
                FROM imported i LEFT JOIN unnest(@names::text[], @dotnets::text[]) AS t(name, dotnet)
                     ON t.name = CASE WHEN i.type_version = 1 THEN i.type ELSE i.type || '.v' || i.type_version END;
            SELECT setval('mt_events_sequence', greatest((SELECT max(seq_id) FROM imported), 1));
            INSERT INTO mt_event_progression (name, last_seq_id, last_updated)
                SELECT s.name || ':All', (SELECT count(*) FROM imported i WHERE (i.tx_id, i.seq) <= (s.last_tx, s.last_seq)), now()
                FROM ido_subscriptions s
            ON CONFLICT (name) DO UPDATE SET last_seq_id = excluded.last_seq_id;
            ALTER TABLE ido_events RENAME TO ido_events_imported;
            ALTER TABLE ido_subscriptions RENAME TO ido_subscriptions_imported;
            """, connection, tx))
        {
            command.Parameters.AddWithValue("names", types.Select(t => t.StoredName).ToArray());
            command.Parameters.AddWithValue("dotnets", types.Select(t => t.DotNet).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }
        var (events, streams) = (await Scalar(connection, tx, "SELECT count(*) FROM mt_events", ct),
            await Scalar(connection, tx, "SELECT count(*) FROM mt_streams", ct));
        await tx.CommitAsync(ct);
        logger.LogInformation("Imported {Events} events in {Streams} streams from the earlier event store", events, streams);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task<bool> OldTablesExist(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct) =>
        await Scalar(connection, tx, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'ido_events'", ct) > 0;

    private static async Task<long> Scalar(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }
}
