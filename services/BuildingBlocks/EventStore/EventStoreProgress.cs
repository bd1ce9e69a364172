using Marten;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

public sealed record SubscriptionProgress(string Name, long Position, long Head, long Behind, DateTimeOffset UpdatedAt,
    DateTimeOffset? OldestPendingAt);

/// <summary>How far each daemon shard (subscription, async projection) is behind the newest committed event.</summary>
public sealed class EventStoreProgress(IDocumentStore store, NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<SubscriptionProgress>> Read(CancellationToken ct = default)
    {
        var shards = (await store.Advanced.AllProjectionProgress(token: ct))
            .Where(s => s.ShardName != "HighWaterMark").OrderBy(s => s.ShardName).ToList();
        if (shards.Count == 0) return [];

        // One query for every shard. Pending events are counted, not subtracted (sequence numbers have holes:
        // rolled-back appends, lost races), through the primary key from each shard's position, so a shard that
        // is up to date costs an index probe, not a scan of the whole log.
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM mt_events e WHERE e.seq_id > s.position),
                   (SELECT min(e.timestamp) FROM mt_events e WHERE e.seq_id > s.position),
                   (SELECT coalesce(max(e.seq_id), 0) FROM mt_events e)
            FROM unnest($1::bigint[]) WITH ORDINALITY AS s(position, n) ORDER BY s.n
            """);
        command.Parameters.AddWithValue(shards.Select(s => s.Sequence).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<SubscriptionProgress>(shards.Count);
        foreach (var shard in shards)
        {
            await reader.ReadAsync(ct);
            result.Add(new SubscriptionProgress(shard.ShardName.Split(':')[0], shard.Sequence, reader.GetInt64(2),
                reader.GetInt64(0), shard.LastUpdated ?? shard.Timestamp,
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return result;
    }

    /// <summary>All events stored (what a shard that has not run yet still has to handle).</summary>
    public async Task<long> Pending(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>When the newest event was stored (the last by sequence, read through the primary key); null when
    /// there is none.</summary>
    public async Task<DateTimeOffset?> LastAppendedAt(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT timestamp FROM mt_events ORDER BY seq_id DESC LIMIT 1");
        return await command.ExecuteScalarAsync(ct) is DateTime t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
    }

    /// <summary>Waits until every shard has handled every committed event (tests, tools).</summary>
    public async Task WaitForNonStale(TimeSpan timeout, CancellationToken ct = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        while (true)
        {
            var progress = await Read(cts.Token);
            if (progress.Count > 0 && progress.All(p => p.Behind == 0)) return;
            await Task.Delay(50, cts.Token);
        }
    }
}
