using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Where a reader of the global order stands: the last (transaction, sequence) it handled.</summary>
public readonly record struct Checkpoint(ulong TransactionId, long Sequence)
{
    public static readonly Checkpoint Start = new(0, 0);
}

/// <summary>
/// Reads the global order safely: only events of transactions older than every transaction still running
/// (so none can commit "behind" the reader later), ordered by (transaction, sequence).
/// </summary>
public static class GlobalOrderReader
{
    private const string Sql = $"""
        SELECT {EventReader.Columns} FROM ido_events
        WHERE (tx_id, seq) > (@tx, @seq) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, seq
        LIMIT @limit
        """;

    public static async Task<List<StoredEvent>> ReadAfter(NpgsqlConnection connection, NpgsqlTransaction? tx,
        Checkpoint after, int limit, EventTypeRegistry types, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("tx", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = after.TransactionId });
        command.Parameters.AddWithValue("seq", after.Sequence);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await EventReader.ReadAll(reader, types, ct);
    }
}
