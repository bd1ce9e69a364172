using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

public sealed record SubscriptionProgress(string Name, long Position, long Head, long Behind, DateTimeOffset UpdatedAt);

/// <summary>How far each subscription is behind the newest event (for freshness reports and tests).</summary>
public sealed class EventStoreProgress(NpgsqlDataSource dataSource, EventStoreSchema schema)
{
    public async Task<IReadOnlyList<SubscriptionProgress>> Read(CancellationToken ct = default)
    {
        await schema.EnsureCreated();
        // Counting rows past the checkpoint in global order is exact even where sequences interleave.
        await using var command = dataSource.CreateCommand("""
            SELECT s.name, s.last_seq,
                   (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ido_events_seq_seq),
                   (SELECT count(*) FROM ido_events e WHERE (e.tx_id, e.seq) > (s.last_tx, s.last_seq)),
                   s.updated_at
            FROM ido_subscriptions s ORDER BY s.name
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<SubscriptionProgress>();
        while (await reader.ReadAsync(ct))
            result.Add(new SubscriptionProgress(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return result;
    }

    /// <summary>Waits until every subscription has handled every committed event (tests, tools).</summary>
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
