using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Projections;
using IdoPlatform.Monitoring.Projections.ReadModel;
using Npgsql;

namespace IdoPlatform.Monitoring.Features.Freshness;

public static class FreshnessEndpoint
{
    public static void MapFreshness(this IEndpointRouteBuilder api) =>
        api.MapGet("/freshness", Handle)
            .WithName("getFreshness")
            .WithTags("Beheer")
            .WithSummary("Hoe ver elke projectie achterloopt op het logboek")
            .WithDescription("Per projectie het aantal vastgelegde berichten dat nog niet is meegeteld en hoe oud het oudste daarvan is.")
            .Produces<FreshnessReport>();

    private static async Task<FreshnessReport> Handle(NpgsqlDataSource dataSource, ReadModelSchema schema,
        EventStoreSchema storeSchema, TimeProvider clock, CancellationToken ct)
    {
        await storeSchema.EnsureCreated();
        var tables = await schema.Current(ct);
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        var projections = new List<ProjectionFreshness>();
        await using (var command = new NpgsqlCommand("""
            SELECT n.name, s.updated_at,
                   (SELECT count(*) FROM ido_events e
                     WHERE s.name IS NULL OR (e.tx_id, e.seq) > (s.last_tx, s.last_seq)),
                   (SELECT min(e.created_at) FROM ido_events e
                     WHERE s.name IS NULL OR (e.tx_id, e.seq) > (s.last_tx, s.last_seq))
            FROM unnest(@names) AS n(name) LEFT JOIN ido_subscriptions s ON s.name = n.name
            ORDER BY n.name
            """, connection))
        {
            command.Parameters.AddWithValue("names", new[] { AggregatesSubscription.SubscriptionName });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var oldest = reader.IsDBNull(3) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(3);
                projections.Add(new ProjectionFreshness(reader.GetString(0), reader.GetInt64(2),
                    oldest is { } o ? Math.Max(0, Math.Round((now - o).TotalSeconds, 3)) : 0,
                    reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        DateTimeOffset? lastRecorded;
        await using (var command = new NpgsqlCommand(
            "SELECT created_at FROM ido_events ORDER BY seq DESC LIMIT 1", connection))
            lastRecorded = await command.ExecuteScalarAsync(ct) is DateTime t
                ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

        RebuildProgress? rebuild = null;
        await using (var command = new NpgsqlCommand(
            "SELECT id, version, events, started_at FROM mon_rebuilds WHERE status = 'running' ORDER BY started_at DESC LIMIT 1",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            if (await reader.ReadAsync(ct))
                rebuild = new RebuildProgress(reader.GetGuid(0), reader.GetInt32(1), reader.GetInt64(2),
                    reader.GetFieldValue<DateTimeOffset>(3));

        return new FreshnessReport(now, lastRecorded, tables.Version, projections, rebuild);
    }
}
