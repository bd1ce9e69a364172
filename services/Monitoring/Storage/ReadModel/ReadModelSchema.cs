using Npgsql;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>
/// The pointer row naming the table version that serves, the rebuild records, and the first version's
/// tables. Created once per process; concurrent replicas are serialised by an advisory lock.
/// </summary>
public sealed class ReadModelSchema(NpgsqlDataSource dataSource)
{
    private const long SchemaLockKey = 0x4D_4F4E_5343; // "MONSC"
    private readonly object _gate = new();
    private Task? _ensured;

    /// <summary>Creates everything once; a failed attempt (database away) is tried again on the next call.</summary>
    public Task EnsureCreated()
    {
        lock (_gate)
        {
            if (_ensured is null || _ensured.IsFaulted || _ensured.IsCanceled) _ensured = Create(dataSource);
            return _ensured;
        }
    }

    /// <summary>The serving version. <paramref name="forShare"/> makes a writer wait for a swap in progress,
    /// and holds off the swap until the writer's transaction ends.</summary>
    public static async Task<ReadModelTables> Current(NpgsqlConnection connection, NpgsqlTransaction? tx,
        bool forShare, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT version FROM mon_read_model WHERE id = 1{(forShare ? " FOR SHARE" : "")}", connection, tx);
        return new ReadModelTables((int)(await command.ExecuteScalarAsync(ct))!);
    }

    public async Task<ReadModelTables> Current(CancellationToken ct)
    {
        await EnsureCreated();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Current(connection, null, forShare: false, ct);
    }

    private static async Task Create(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Execute(connection, tx, $"SELECT pg_advisory_xact_lock({SchemaLockKey})");
        await Execute(connection, tx, """
            CREATE TABLE IF NOT EXISTS mon_read_model (
                id         int PRIMARY KEY CHECK (id = 1),
                version    int NOT NULL,
                swapped_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE IF NOT EXISTS mon_rebuilds (
                id          uuid PRIMARY KEY,
                version     int  NOT NULL,
                status      text NOT NULL,
                events      bigint NOT NULL DEFAULT 0,
                requested_by text,
                started_at  timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                events_per_second double precision,
                error       text
            );
            INSERT INTO mon_read_model (id, version) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
            """);
        var current = await Current(connection, tx, forShare: false, CancellationToken.None);
        await Execute(connection, tx, current.CreateTablesSql());
        await Execute(connection, tx, current.CreateIndexesSql());
        await tx.CommitAsync();
    }

    internal static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql,
        CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
