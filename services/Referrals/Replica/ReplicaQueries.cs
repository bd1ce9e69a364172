using System.Text.Json;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Features.NearestLocations;
using IdoPlatform.Referrals.Features.Referrals;
using Npgsql;

namespace IdoPlatform.Referrals.Replica;

/// <summary>Reads of the local replica of offers' locations and offers: no call to the offers service.</summary>
public sealed class ReplicaQueries(NpgsqlDataSource dataSource)
{
    public async Task<ReplicaLocation?> FindLocation(string locationId, CancellationToken ct) =>
        (await FindLocations([locationId], ct)).GetValueOrDefault(locationId);

    /// <summary>Those of <paramref name="locationIds"/> whose details the replica has, closed ones too, by id.</summary>
    public async Task<IReadOnlyDictionary<string, ReplicaLocation>> FindLocations(IReadOnlyCollection<string> locationIds,
        CancellationToken ct)
    {
        var found = new Dictionary<string, ReplicaLocation>();
        if (locationIds.Count == 0) return found;
        await using var command = dataSource.CreateCommand(
            "SELECT details, closed_on FROM replica_locations WHERE location_id = ANY($1) AND details IS NOT NULL");
        command.Parameters.AddWithValue(locationIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var location = Read(reader);
            found[location.Details.LocationId] = location;
        }
        return found;
    }

    public async Task<ReferralLocation?> FindReferralLocation(string locationId, CancellationToken ct) =>
        await FindLocation(locationId, ct) is { } l
            ? new ReferralLocation(l.Details.LocationId, l.Details.OrganisationId, l.Details.MunicipalityCode,
                l.Details.Province, l.Details.HasIdo, l.Details.Visible, l.Details.IdoOpenedOn, l.ClosedOn)
            : null;

    /// <summary>IDO locations that could be open on <paramref name="day"/>; the weekday check is the caller's.</summary>
    public async Task<IReadOnlyList<ReplicaLocation>> IdoLocationsNotClosedOn(DateOnly day, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT details, closed_on FROM replica_locations
            WHERE details IS NOT NULL AND has_ido AND visible AND (closed_on IS NULL OR closed_on > $1)
            """);
        command.Parameters.AddWithValue(day);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var locations = new List<ReplicaLocation>();
        while (await reader.ReadAsync(ct)) locations.Add(Read(reader));
        return locations;
    }

    public async Task<IReadOnlyList<OfferDetails>> PublishedOffersAt(IReadOnlyCollection<string> locationIds, CancellationToken ct)
    {
        if (locationIds.Count == 0) return [];
        await using var command = dataSource.CreateCommand(
            "SELECT details FROM replica_offers WHERE NOT withdrawn AND location_ids && $1");
        command.Parameters.AddWithValue(locationIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var offers = new List<OfferDetails>();
        while (await reader.ReadAsync(ct))
            offers.Add(JsonSerializer.Deserialize<OfferDetails>(reader.GetString(0), ReplicaJson.Options)!);
        return offers;
    }

    private static ReplicaLocation Read(NpgsqlDataReader reader) => new(
        JsonSerializer.Deserialize<LocationDetails>(reader.GetString(0), ReplicaJson.Options)!,
        reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1));
}
