using System.Text.Json;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Offers;
using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Referrals.Replica;

/// <summary>
/// Keeps the local copy of offers' locations. Idempotent through the inbox; out-of-order delivery is
/// harmless because newer details win (by occurredAt) and a closure is never undone.
/// </summary>
public sealed class LocationReplicaConsumer(NpgsqlDataSource dataSource)
    : ReplicaConsumer(dataSource, InboxName),
    IConsumer<LocationRegistered>, IConsumer<LocationChanged>, IConsumer<LocationClosed>
{
    public const string InboxName = "referrals-locations";

    public Task Consume(ConsumeContext<LocationRegistered> context) =>
        Handle(context, inbox => Upsert(inbox, context.Message.Location, context.Message.OccurredAt, context.CancellationToken));

    public Task Consume(ConsumeContext<LocationChanged> context) =>
        Handle(context, inbox => Upsert(inbox, context.Message.Location, context.Message.OccurredAt, context.CancellationToken));

    public Task Consume(ConsumeContext<LocationClosed> context) =>
        Handle(context, inbox => Close(inbox, context.Message, context.CancellationToken));

    private static async Task Upsert(InboxTransaction inbox, LocationDetails location, DateTimeOffset occurredAt,
        CancellationToken ct)
    {
        await using var command = inbox.CreateCommand("""
            INSERT INTO replica_locations (location_id, organisation_id, details, has_ido, visible, occurred_at)
            VALUES (@id, @organisation, @details, @has_ido, @visible, @occurred_at)
            ON CONFLICT (location_id) DO UPDATE SET
                organisation_id = excluded.organisation_id, details = excluded.details,
                has_ido = excluded.has_ido, visible = excluded.visible, occurred_at = excluded.occurred_at
            WHERE replica_locations.occurred_at <= excluded.occurred_at OR replica_locations.details IS NULL
            """);
        command.Parameters.AddWithValue("id", location.LocationId);
        command.Parameters.AddWithValue("organisation", location.OrganisationId);
        command.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(location, ReplicaJson.Options));
        command.Parameters.AddWithValue("has_ido", location.HasIdo);
        command.Parameters.AddWithValue("visible", location.Visible);
        command.Parameters.AddWithValue("occurred_at", occurredAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Close(InboxTransaction inbox, LocationClosed closed, CancellationToken ct)
    {
        // A closure may overtake the registration; the row then waits for its details.
        await using var command = inbox.CreateCommand("""
            INSERT INTO replica_locations (location_id, organisation_id, closed_on, occurred_at)
            VALUES (@id, @organisation, @closed_on, @occurred_at)
            ON CONFLICT (location_id) DO UPDATE SET closed_on = excluded.closed_on
            """);
        command.Parameters.AddWithValue("id", closed.LocationId);
        command.Parameters.AddWithValue("organisation", closed.OrganisationId);
        command.Parameters.AddWithValue("closed_on", closed.ClosedOn);
        command.Parameters.AddWithValue("occurred_at", closed.OccurredAt);
        await command.ExecuteNonQueryAsync(ct);
    }
}
