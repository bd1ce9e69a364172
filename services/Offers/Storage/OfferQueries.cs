using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;
using Npgsql;

namespace IdoPlatform.Offers.Storage;

/// <summary>Filters of an offer search that SQL applies; distance and dates are applied in memory.</summary>
/// <param name="NearLocations">Only offers at one of these locations (the locations within the searched area).</param>
public sealed record OfferFilter(
    string? Theme = null,
    string? TargetGroup = null,
    string? OfferType = null,
    bool? WalkIn = null,
    Guid? OrganisationId = null,
    IReadOnlyList<string>? NearLocations = null);

/// <summary>A published offer found by a search, its content still as stored JSON until needed.</summary>
public sealed record OfferCandidate(Guid OfferId, Guid OrganisationId, IReadOnlyList<string> LocationIds, string ContentJson)
{
    private OfferContent? _content;
    public OfferContent Content => _content ??= ReadModelJson.Read<OfferContent>(ContentJson);
}

/// <summary>Reads of the offers table kept by <see cref="OffersProjection"/>.</summary>
public sealed class OfferQueries(NpgsqlDataSource db)
{
    public async Task<(Offer Offer, long Version)?> Find(Guid offerId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "SELECT offer_id, organisation_id, status, content, version FROM offers_offers WHERE offer_id = @id");
        command.Parameters.AddWithValue("id", offerId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var offer = new Offer(reader.GetGuid(0), reader.GetGuid(1), ReadModelJson.Read<OfferContent>(reader.GetString(3)), reader.GetString(2));
        return (offer, reader.GetInt64(4));
    }

    /// <summary>Every offer of an organisation in any status (or the one given), newest first (ids are version 7).</summary>
    public async Task<IReadOnlyList<Offer>> OfOrganisation(Guid organisationId, string? status, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT offer_id, organisation_id, status, content FROM offers_offers
            WHERE organisation_id = @organisation AND (@status::text IS NULL OR status = @status)
            ORDER BY offer_id DESC
            """);
        command.Parameters.AddWithValue("organisation", organisationId);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        var offers = new List<Offer>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            offers.Add(new Offer(reader.GetGuid(0), reader.GetGuid(1), ReadModelJson.Read<OfferContent>(reader.GetString(3)), reader.GetString(2)));
        return offers;
    }

    /// <summary>Published offers matching the filter that have at least one open, visible location.</summary>
    public async Task<IReadOnlyList<OfferCandidate>> Published(OfferFilter filter, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT o.offer_id, o.organisation_id, o.location_ids, o.content FROM offers_offers o
            WHERE o.status = 'published'
              AND (@theme::text IS NULL OR @theme = ANY(o.themes))
              AND (@target_group::text IS NULL OR @target_group = ANY(o.target_groups))
              AND (@offer_type::text IS NULL OR o.offer_type_code = @offer_type)
              AND (@walk_in::boolean IS NULL OR o.walk_in = @walk_in)
              AND (@organisation::uuid IS NULL OR o.organisation_id = @organisation)
              AND (@near::text[] IS NULL OR o.location_ids && @near)
              AND EXISTS (SELECT 1 FROM offers_locations l
                          WHERE l.location_id = ANY(o.location_ids) AND l.visible AND l.closed_on IS NULL)
            """);
        var p = command.Parameters;
        p.AddWithValue("theme", (object?)filter.Theme ?? DBNull.Value);
        p.AddWithValue("target_group", (object?)filter.TargetGroup ?? DBNull.Value);
        p.AddWithValue("offer_type", (object?)filter.OfferType ?? DBNull.Value);
        p.AddWithValue("walk_in", (object?)filter.WalkIn ?? DBNull.Value);
        p.AddWithValue("organisation", (object?)filter.OrganisationId ?? DBNull.Value);
        p.Add(new NpgsqlParameter("near", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = (object?)filter.NearLocations?.ToArray() ?? DBNull.Value,
        });
        var candidates = new List<OfferCandidate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            candidates.Add(new OfferCandidate(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<string[]>(2), reader.GetString(3)));
        return candidates;
    }
}
