using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Storage.ReadModel;
using Npgsql;

namespace IdoPlatform.Monitoring.Storage;

/// <summary>
/// The live projection: the daemon hands it the log in commit-safe order and commits its table changes
/// with its checkpoint. It writes to whichever table version the pointer names, waiting out a swap.
/// </summary>
public sealed class AggregatesSubscription(ReadModelSchema schema) : ISubscription
{
    public const string SubscriptionName = "monitoring-aggregates";

    public static string Name => SubscriptionName;

    public async Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        await schema.EnsureCreated();
        // The tables start empty and grow by thousands a minute. A plan this long-lived connection cached while
        // they were small (a full scan for "visit_id = ANY(...)") would be kept long after: measured at a third
        // of PostgreSQL's CPU under load. Plan each batch's statements for the tables as they are.
        await using (var fresh = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_custom_plan", connection, transaction))
            await fresh.ExecuteNonQueryAsync(ct);
        var tables = await ReadModelSchema.Current(connection, transaction, forShare: true, ct);
        await LiveProjector.Apply(tables, batch.Select(e => e.Data).ToList(), connection, transaction, ct);
    }
}
