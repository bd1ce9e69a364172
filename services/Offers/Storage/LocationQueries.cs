using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;
using Npgsql;

namespace IdoPlatform.Offers.Storage;

/// <summary>Where a location is, for ranking by distance before its details are loaded.</summary>
public sealed record LocationPosition(string LocationId, GeoPoint Point);

/// <summary>Filters of a location search besides the point and radius.</summary>
/// <param name="ManagedOrganisation">Hidden and closed locations of this organisation are included too.</param>
/// <param name="IncludeAllHidden">Hidden and closed locations of every organisation are included (platform admins).</param>
public sealed record LocationFilter(
    Guid? OrganisationId = null,
    string? MunicipalityCode = null,
    string? Province = null,
    string? Kind = null,
    bool? HasIdo = null,
    Guid? ManagedOrganisation = null,
    bool IncludeAllHidden = false);

/// <summary>Reads of the locations table kept by <see cref="OffersProjection"/>.</summary>
public sealed class LocationQueries(NpgsqlDataSource db)
{
    private const string Columns = "location_id, organisation_id, organisation_name, facts, closed_on, version";

    public async Task<(Location Location, long Version)?> Find(string locationId, CancellationToken ct)
    {
        var found = await Load([locationId], ct);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<IReadOnlyDictionary<string, Location>> FindMany(IEnumerable<string> locationIds, CancellationToken ct) =>
        (await Load(locationIds.Distinct().ToArray(), ct)).ToDictionary(l => l.Location.LocationId, l => l.Location);

    /// <summary>The locations with these ids, in the order of <paramref name="locationIds"/>; unknown ids are left out.</summary>
    public async Task<IReadOnlyList<(Location Location, long Version)>> Load(IReadOnlyList<string> locationIds, CancellationToken ct)
    {
        if (locationIds.Count == 0) return [];
        await using var command = db.CreateCommand($"SELECT {Columns} FROM offers_locations WHERE location_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", locationIds.ToArray());
        var byId = new Dictionary<string, (Location, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var location = new Location(reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                ReadModelJson.Read<LocationFacts>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4));
            byId[location.LocationId] = (location, reader.GetInt64(5));
        }
        return locationIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>The ids of an organisation's locations that are not closed.</summary>
    public async Task<IReadOnlyList<string>> OpenOf(Guid organisationId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "SELECT location_id FROM offers_locations WHERE organisation_id = @organisation AND closed_on IS NULL ORDER BY location_id");
        command.Parameters.AddWithValue("organisation", organisationId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>The next branch number under an organisation number, counting closed locations too: ids are never reused.</summary>
    public async Task<int> NextBranch(string organisationNumber, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "SELECT coalesce(max(right(location_id, 4)::int), 0) + 1 FROM offers_locations WHERE location_id LIKE @prefix");
        command.Parameters.AddWithValue("prefix", $"NL-{organisationNumber}-%");
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Positions of the locations the filter lets through, inside the box when one is given. Publicly
    /// visible means open and not hidden; the filter may add the caller's own hidden or closed ones.
    /// </summary>
    public async Task<IReadOnlyList<LocationPosition>> Positions(LocationFilter filter,
        (double MinLat, double MaxLat, double MinLon, double MaxLon)? box, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT location_id, latitude, longitude FROM offers_locations
            WHERE ((visible AND closed_on IS NULL) OR @all_hidden OR organisation_id = @managed)
              AND (@organisation::uuid IS NULL OR organisation_id = @organisation)
              AND (@municipality::text IS NULL OR municipality_code = @municipality)
              AND (@province::text IS NULL OR province = @province)
              AND (@kind::text IS NULL OR kind = @kind)
              AND (@has_ido::boolean IS NULL OR has_ido = @has_ido)
              AND (@boxed = false OR (latitude BETWEEN @min_lat AND @max_lat AND longitude BETWEEN @min_lon AND @max_lon))
            """);
        var p = command.Parameters;
        p.AddWithValue("all_hidden", filter.IncludeAllHidden);
        p.AddWithValue("managed", (object?)filter.ManagedOrganisation ?? DBNull.Value);
        p.AddWithValue("organisation", (object?)filter.OrganisationId ?? DBNull.Value);
        p.AddWithValue("municipality", (object?)filter.MunicipalityCode ?? DBNull.Value);
        p.AddWithValue("province", (object?)filter.Province ?? DBNull.Value);
        p.AddWithValue("kind", (object?)filter.Kind ?? DBNull.Value);
        p.AddWithValue("has_ido", (object?)filter.HasIdo ?? DBNull.Value);
        p.AddWithValue("boxed", box is not null);
        p.AddWithValue("min_lat", box?.MinLat ?? 0);
        p.AddWithValue("max_lat", box?.MaxLat ?? 0);
        p.AddWithValue("min_lon", box?.MinLon ?? 0);
        p.AddWithValue("max_lon", box?.MaxLon ?? 0);
        var positions = new List<LocationPosition>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            positions.Add(new LocationPosition(reader.GetString(0), new GeoPoint(reader.GetDouble(1), reader.GetDouble(2))));
        return positions;
    }
}
