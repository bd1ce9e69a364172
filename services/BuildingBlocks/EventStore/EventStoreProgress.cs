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
        var shards = await store.Advanced.AllProjectionProgress(token: ct);
        var result = new List<SubscriptionProgress>();
        foreach (var shard in shards.Where(s => s.ShardName != "HighWaterMark").OrderBy(s => s.ShardName))
        {
            // Counted, not subtracted: sequence numbers have holes (rolled-back appends, lost races).
            await using var command = dataSource.CreateCommand(
                "SELECT coalesce(max(seq_id), 0), count(*) FILTER (WHERE seq_id > $1), min(timestamp) FILTER (WHERE seq_id > $1) FROM mt_events");
            command.Parameters.AddWithValue(shard.Sequence);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            result.Add(new SubscriptionProgress(shard.ShardName.Split(':')[0], shard.Sequence, reader.GetInt64(0),
                reader.GetInt64(1), shard.LastUpdated ?? shard.Timestamp,
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return result;
    }

    /// <summary>All events stored (what a shard that has not run yet still has to handle).</summary>
    public async Task<long> Pending(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>When the newest event was stored; null when there is none.</summary>
    public async Task<DateTimeOffset?> LastAppendedAt(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT max(timestamp) FROM mt_events");
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
