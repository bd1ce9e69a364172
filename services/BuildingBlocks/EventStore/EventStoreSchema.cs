using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Creates the store's tables once per process, serialised across processes by an advisory lock.</summary>
public sealed class EventStoreSchema(NpgsqlDataSource dataSource)
{
    private const long SchemaLockKey = 0x1D0_5C4E_3A;
    private readonly Lazy<Task> _ensured = new(() => Create(dataSource));

    public Task EnsureCreated() => _ensured.Value;

    private static async Task Create(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync();
        }
        await using (var create = new NpgsqlCommand(Ddl, connection, tx))
            await create.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    // tx_id is the writing transaction: readers of the global order only read below the oldest
    // running transaction and checkpoint on (tx_id, seq), so a late commit is waited for, never skipped.
    // Two indexes only, each needed: (tx_id, seq) for those readers, (stream_id, version) for streams
    // and as the last guard of optimistic concurrency. Every extra index is paid on every append.
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS ido_streams (
            id          uuid PRIMARY KEY,
            type        text        NOT NULL,
            version     bigint      NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now(),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS ido_events (
            seq            bigserial   NOT NULL,
            tx_id          xid8        NOT NULL DEFAULT pg_current_xact_id(),
            stream_id      uuid        NOT NULL,
            stream_type    text        NOT NULL,
            version        bigint      NOT NULL,
            type           text        NOT NULL,
            type_version   int         NOT NULL,
            data           jsonb       NOT NULL,
            event_id       uuid        NOT NULL,
            actor          text,
            correlation_id text,
            causation_id   text,
            created_at     timestamptz NOT NULL,
            PRIMARY KEY (tx_id, seq),
            UNIQUE (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS ido_subscriptions (
            name        text PRIMARY KEY,
            last_tx     xid8        NOT NULL DEFAULT '0',
            last_seq    bigint      NOT NULL DEFAULT 0,
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        """;
}
