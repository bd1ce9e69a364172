using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.Organisations;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Offers.Storage;

/// <summary>
/// Keeps the read tables in the append's own transaction, so a write is searchable the moment it
/// succeeds, and a unique organisation number is enforced together with the event that claims it.
/// </summary>
public sealed class OffersProjection : IInlineProjection
{
    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        foreach (var e in events)
        {
            var write = new Writer(connection, transaction, e.StreamVersion, ct);
            await (e.Data switch
            {
                OrganisationRegistered r => write.Execute("""
                    INSERT INTO offers_organisations (id, number, name, kind, visible, version)
                    VALUES (@id, @number, @name, @kind, @visible, @version)
                    """, ("id", r.OrganisationId), ("number", r.Number), ("name", r.Facts.Name), ("kind", r.Facts.Kind),
                    ("visible", r.Facts.Visible)),
                OrganisationChanged c => write.Execute("""
                    UPDATE offers_organisations SET name = @name, kind = @kind, visible = @visible, version = @version
                    WHERE id = @id
                    """, ("id", c.OrganisationId), ("name", c.Facts.Name), ("kind", c.Facts.Kind), ("visible", c.Facts.Visible)),
                LocationRegistered r => UpsertLocation(write, r.LocationId, r.OrganisationId, r.OrganisationName, r.Facts),
                LocationChanged c => UpsertLocation(write, c.LocationId, c.OrganisationId, c.OrganisationName, c.Facts),
                LocationClosed c => write.Execute("""
                    UPDATE offers_locations SET closed_on = @closed_on, visible = false, version = @version
                    WHERE location_id = @location_id
                    """, ("location_id", c.LocationId), ("closed_on", c.ClosedOn)),
                OfferTypeDefined d => AddOfferTypeVersion(write, d.Code, d.Definition),
                OfferTypeRevised r => AddOfferTypeVersion(write, r.Code, r.Definition),
                OfferDrafted d => UpsertOffer(write, d.OfferId, d.OrganisationId, OfferStatus.Draft, d.Content),
                OfferChanged c => write.Execute("""
                    UPDATE offers_offers SET offer_type_code = @type, walk_in = @walk_in, themes = @themes,
                        target_groups = @target_groups, location_ids = @location_ids, content = @content, version = @version
                    WHERE offer_id = @offer_id
                    """, OfferColumns(c.OfferId, c.Content)),
                OfferPublished p => write.Execute(
                    "UPDATE offers_offers SET status = @status, version = @version WHERE offer_id = @offer_id",
                    ("offer_id", p.OfferId), ("status", OfferStatus.Published)),
                OfferWithdrawn w => write.Execute(
                    "UPDATE offers_offers SET status = @status, version = @version WHERE offer_id = @offer_id",
                    ("offer_id", w.OfferId), ("status", OfferStatus.Withdrawn)),
                _ => Task.CompletedTask,
            });
        }
    }

    private static Task UpsertLocation(Writer write, string locationId, Guid organisationId, string organisationName, LocationFacts f) =>
        write.Execute("""
            INSERT INTO offers_locations (location_id, organisation_id, organisation_name, kind, municipality_code, province,
                latitude, longitude, has_ido, visible, closed_on, facts, version)
            VALUES (@location_id, @organisation_id, @organisation_name, @kind, @municipality_code, @province,
                @latitude, @longitude, @has_ido, @visible, NULL, @facts, @version)
            ON CONFLICT (location_id) DO UPDATE SET organisation_name = excluded.organisation_name, kind = excluded.kind,
                municipality_code = excluded.municipality_code, province = excluded.province, latitude = excluded.latitude,
                longitude = excluded.longitude, has_ido = excluded.has_ido, visible = excluded.visible,
                facts = excluded.facts, version = excluded.version
            """,
            ("location_id", locationId), ("organisation_id", organisationId), ("organisation_name", organisationName),
            ("kind", f.Kind), ("municipality_code", f.Municipality.Code), ("province", f.Province),
            ("latitude", f.Coordinates.Latitude), ("longitude", f.Coordinates.Longitude), ("has_ido", f.Ido.HasIdo),
            ("visible", f.Visible), ("facts", new Jsonb(ReadModelJson.Write(f))));

    private static async Task AddOfferTypeVersion(Writer write, string code, OfferTypeDefinition definition)
    {
        await write.Execute("""
            INSERT INTO offers_offer_types (code, version, definition) VALUES (@code, @type_version, @definition)
            ON CONFLICT (code, version) DO NOTHING
            """, ("code", code), ("type_version", definition.Version), ("definition", new Jsonb(ReadModelJson.Write(definition))));
        await write.Execute("""
            INSERT INTO offers_offer_type_streams (code, current_version, stream_version) VALUES (@code, @type_version, @version)
            ON CONFLICT (code) DO UPDATE SET current_version = excluded.current_version, stream_version = excluded.stream_version
            """, ("code", code), ("type_version", definition.Version));
    }

    private static Task UpsertOffer(Writer write, Guid offerId, Guid organisationId, string status, OfferContent content) =>
        write.Execute("""
            INSERT INTO offers_offers (offer_id, organisation_id, status, offer_type_code, walk_in, themes, target_groups,
                location_ids, content, version)
            VALUES (@offer_id, @organisation_id, @status, @type, @walk_in, @themes, @target_groups, @location_ids, @content, @version)
            """, [.. OfferColumns(offerId, content), ("organisation_id", organisationId), ("status", status)]);

    private static (string, object?)[] OfferColumns(Guid offerId, OfferContent c) =>
    [
        ("offer_id", offerId), ("type", c.OfferTypeCode), ("walk_in", c.WalkIn), ("themes", c.Themes.ToArray()),
        ("target_groups", c.TargetGroups.ToArray()), ("location_ids", c.LocationIds.ToArray()),
        ("content", new Jsonb(ReadModelJson.Write(c))),
    ];

    /// <summary>Marks text to be sent as jsonb.</summary>
    private sealed record Jsonb(string Json);

    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction, long version, CancellationToken ct)
    {
        public async Task Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("version", version);
            foreach (var (name, value) in parameters)
            {
                if (value is Jsonb json) command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Json });
                else command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
