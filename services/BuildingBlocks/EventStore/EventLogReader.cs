using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// The global order read straight from Marten's events table, for folds over the whole log (monitoring's rebuild,
/// which must read millions of events faster than a page-by-page subscription). This is the one documented query
/// on Marten's tables outside Marten:
/// <code>SELECT seq_id, type, data FROM mt_events WHERE seq_id > @after AND seq_id &lt;= @ceiling AND type = ANY(@types) ORDER BY seq_id</code>
/// The ceiling is the async daemon's high-water mark: below it Marten has established that no transaction can still
/// fill a gap, so nothing read later can appear below a position already read (the promise "nothing skipped").
/// Tombstones and types the reader does not know are left out.
/// </summary>
public static class EventLogReader
{
    /// <summary>The highest sequence safe to read (the daemon's high-water mark); when no daemon ever ran on this
    /// database (a tool on a quiet copy), the newest event.</summary>
    public static async Task<long> SafeCeiling(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT coalesce((SELECT last_seq_id FROM mt_event_progression WHERE name = 'HighWaterMark'),
                            (SELECT max(seq_id) FROM mt_events), 0)
            """, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>A streaming reader of (seq_id, type, data as text) after <paramref name="after"/> up to the ceiling.</summary>
    public static NpgsqlCommand ReadCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, long after,
        long ceiling, EventTypeRegistry types, int? limit = null)
    {
        var command = new NpgsqlCommand($"""
            SELECT seq_id, type, data::text FROM mt_events
            WHERE seq_id > $1 AND seq_id <= $2 AND type = ANY($3)
            ORDER BY seq_id{(limit is { } n ? $" LIMIT {n}" : "")}
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue(after);
        command.Parameters.AddWithValue(ceiling);
        command.Parameters.AddWithValue(types.StoredNames.ToArray());
        return command;
    }

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/>, read as their current CLR shapes.</summary>
    public static async Task<IReadOnlyList<(long Sequence, object Data)>> ReadAfter(NpgsqlConnection connection,
        NpgsqlTransaction? transaction, long after, int limit, EventTypeRegistry types, CancellationToken ct)
    {
        var ceiling = await SafeCeiling(connection, transaction, ct);
        await using var command = ReadCommand(connection, transaction, after, ceiling, types, limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<(long, object)>();
        while (await reader.ReadAsync(ct)) events.Add((reader.GetInt64(0), types.Read(reader.GetString(1), reader.GetString(2))));
        return events;
    }
}
