using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Monitoring.Storage;
using IdoPlatform.Monitoring.Storage.ReadModel;
using Npgsql;

namespace IdoPlatform.Monitoring.Features.Freshness;

public static class FreshnessEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/freshness", Handle)
            .RequireRoles([.. Roles.All]) // every dashboard says how current its counts are
            .WithName("getFreshness")
            .WithTags(MonitoringApi.AdminTag)
            .WithSummary("Hoe ver elke projectie achterloopt op het logboek")
            .WithDescription("Per projectie het aantal vastgelegde berichten dat nog niet is meegeteld en hoe oud het oudste daarvan is.")
            .Produces<FreshnessResponse>();

    private static async Task<FreshnessResponse> Handle(NpgsqlDataSource dataSource, ReadModelSchema schema,
        EventStoreProgress progress, TimeProvider clock, CancellationToken ct)
    {
        var tables = await schema.Current(ct);
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        // A shard the daemon has not run yet has no progress row: then everything recorded is still pending.
        var shards = (await progress.Read(ct)).ToDictionary(p => p.Name);
        var projections = new List<ProjectionFreshness>();
        foreach (var name in new[] { AggregatesSubscription.SubscriptionName })
        {
            var shard = shards.GetValueOrDefault(name);
            var oldest = shard?.OldestPendingAt;
            projections.Add(new ProjectionFreshness(name, shard?.Behind ?? await progress.Pending(ct),
                oldest is { } o ? Math.Max(0, Math.Round((now - o).TotalSeconds, 3)) : 0, shard?.UpdatedAt));
        }
        var lastRecorded = await progress.LastAppendedAt(ct);

        RebuildProgress? rebuild = null;
        await using (var command = new NpgsqlCommand(
            "SELECT id, version, events, started_at FROM mon_rebuilds WHERE status = 'running' ORDER BY started_at DESC LIMIT 1",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            if (await reader.ReadAsync(ct))
                rebuild = new RebuildProgress(reader.GetGuid(0), reader.GetInt32(1), reader.GetInt64(2),
                    reader.GetFieldValue<DateTimeOffset>(3));

        return new FreshnessResponse(now, lastRecorded, tables.Version, projections, rebuild);
    }
}
