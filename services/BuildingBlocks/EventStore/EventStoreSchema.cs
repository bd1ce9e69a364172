using IdoPlatform.BuildingBlocks.Persistence;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>The store's tables.</summary>
public sealed class EventStoreSchema(NpgsqlDataSource dataSource) : SchemaScript(dataSource, "event store", Ddl)
{
    // tx_id is the writing transaction: readers of the global order only read below the oldest
    // running transaction and checkpoint on (tx_id, seq), so a late commit is waited for, never skipped.
    // Two indexes only, each needed: (tx_id, seq) for those readers, (stream_id, version) for reading
    // streams and for optimistic concurrency (a stream's version is its newest event's). No streams table:
    // every extra row or index is paid on every append.
    private const string Ddl = """
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
