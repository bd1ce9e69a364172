using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Projections.ReadModel;
using Npgsql;

namespace IdoPlatform.Monitoring.Projections;

/// <summary>
/// The live projection: the daemon hands it the log in commit-safe order and commits its table changes
/// with its checkpoint. It writes to whichever table version the pointer names, waiting out a swap.
/// </summary>
public sealed class AggregatesSubscription(ReadModelSchema schema) : ISubscription
{
    public const string SubscriptionName = "monitoring-aggregates";

    public string Name => SubscriptionName;

    public async Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        await schema.EnsureCreated();
        var tables = await ReadModelSchema.Current(connection, transaction, forShare: true, ct);
        await LiveProjector.Apply(tables, batch.Select(e => e.Data).ToList(), connection, transaction, ct);
    }
}
