using System.Text.Json;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Offers;
using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Referrals.Replica;

/// <summary>
/// Keeps the local copy of published offers. The newest message (by occurredAt) wins, so a withdrawal
/// overtaken by an older change stays withdrawn; a withdrawn offer keeps a tombstone row for that.
/// </summary>
public sealed class OfferReplicaConsumer(NpgsqlDataSource dataSource)
    : ReplicaConsumer(dataSource, InboxName),
    IConsumer<OfferPublished>, IConsumer<OfferChanged>, IConsumer<OfferWithdrawn>
{
    public const string InboxName = "referrals-offers";

    public Task Consume(ConsumeContext<OfferPublished> context) =>
        Handle(context, inbox => Upsert(inbox, context.Message.Offer, context.Message.OccurredAt, context.CancellationToken));

    public Task Consume(ConsumeContext<OfferChanged> context) =>
        Handle(context, inbox => Upsert(inbox, context.Message.Offer, context.Message.OccurredAt, context.CancellationToken));

    public Task Consume(ConsumeContext<OfferWithdrawn> context) =>
        Handle(context, inbox => Withdraw(inbox, context.Message, context.CancellationToken));

    private static async Task Upsert(InboxTransaction inbox, OfferDetails offer, DateTimeOffset occurredAt, CancellationToken ct)
    {
        await using var command = inbox.CreateCommand("""
            INSERT INTO replica_offers (offer_id, organisation_id, location_ids, details, withdrawn, occurred_at)
            VALUES (@id, @organisation, @locations, @details, false, @occurred_at)
            ON CONFLICT (offer_id) DO UPDATE SET
                organisation_id = excluded.organisation_id, location_ids = excluded.location_ids,
                details = excluded.details, withdrawn = false, occurred_at = excluded.occurred_at
            WHERE replica_offers.occurred_at <= excluded.occurred_at
            """);
        command.Parameters.AddWithValue("id", offer.OfferId);
        command.Parameters.AddWithValue("organisation", offer.OrganisationId);
        command.Parameters.AddWithValue("locations", offer.LocationIds.ToArray());
        command.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(offer, ReplicaJson.Options));
        command.Parameters.AddWithValue("occurred_at", occurredAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Withdraw(InboxTransaction inbox, OfferWithdrawn withdrawn, CancellationToken ct)
    {
        await using var command = inbox.CreateCommand("""
            INSERT INTO replica_offers (offer_id, organisation_id, location_ids, details, withdrawn, occurred_at)
            VALUES (@id, @organisation, '{}', NULL, true, @occurred_at)
            ON CONFLICT (offer_id) DO UPDATE SET
                location_ids = '{}', details = NULL, withdrawn = true, occurred_at = excluded.occurred_at
            WHERE replica_offers.occurred_at <= excluded.occurred_at
            """);
        command.Parameters.AddWithValue("id", withdrawn.OfferId);
        command.Parameters.AddWithValue("organisation", withdrawn.OrganisationId);
        command.Parameters.AddWithValue("occurred_at", withdrawn.OccurredAt);
        await command.ExecuteNonQueryAsync(ct);
    }
}
