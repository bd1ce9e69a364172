using System.Collections.Concurrent;
using System.Diagnostics;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Registrations.Storage;
using Npgsql;

namespace IdoPlatform.Registrations.Locations;

/// <summary>Our copy of the offers service's locations: enough to check a visit's location and to
/// stamp its municipality and province on the visit.</summary>
/// <remarks>Read on every registration, changed a few times a year: a found location is served from memory
/// for a few seconds. This process forgets it the moment it applies a change; a change applied by another
/// replica reaches us within <see cref="FreshFor"/>. Unknown ids are not remembered, so made-up ids cannot
/// fill the memory.</remarks>
public sealed class LocationReplica(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (KnownLocation Location, long ReadAt)> _recent = new();
    private readonly ConcurrentDictionary<string, long> _changes = new(); // per location: changes applied here

    public async Task<KnownLocation?> Find(string locationId, CancellationToken ct = default)
    {
        var now = Stopwatch.GetTimestamp();
        if (_recent.TryGetValue(locationId, out var hit) && Stopwatch.GetElapsedTime(hit.ReadAt, now) < FreshFor)
            return hit.Location;

        // A change applied while we read may not be in what we read: then do not remember it.
        var changesBefore = _changes.GetValueOrDefault(locationId);
        var location = await Load(locationId, ct);
        if (location is not null && _changes.GetValueOrDefault(locationId) == changesBefore) _recent[locationId] = (location, now);
        return location;
    }

    /// <summary>Called once a change to the location is committed.</summary>
    public void Forget(string locationId)
    {
        _changes.AddOrUpdate(locationId, 1, (_, count) => count + 1);
        _recent.TryRemove(locationId, out _);
    }

    private async Task<KnownLocation?> Load(string locationId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT location_id, organisation_id, name, municipality_code, municipality_name, province,
                   has_ido, ido_opened_on, closed_on
            FROM known_locations WHERE location_id = $1
            """);
        command.Parameters.AddWithValue(locationId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new KnownLocation(
            reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetBoolean(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8));
    }

    /// <summary>Takes a location's details unless newer ones were applied already. A closure is never undone:
    /// a closed location's id is never reused.</summary>
    public static async Task ApplyDetails(NpgsqlConnection connection, NpgsqlTransaction tx, LocationDetails location,
        DateTimeOffset occurredAt, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO known_locations (location_id, organisation_id, name, municipality_code, municipality_name,
                                         province, has_ido, ido_opened_on, details_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (location_id) DO UPDATE SET
                organisation_id = EXCLUDED.organisation_id, name = EXCLUDED.name,
                municipality_code = EXCLUDED.municipality_code, municipality_name = EXCLUDED.municipality_name,
                province = EXCLUDED.province, has_ido = EXCLUDED.has_ido, ido_opened_on = EXCLUDED.ido_opened_on,
                details_at = EXCLUDED.details_at
            WHERE known_locations.details_at <= EXCLUDED.details_at
            """, connection, tx);
        var p = command.Parameters;
        p.AddWithValue(location.LocationId);
        p.AddWithValue(location.OrganisationId);
        p.AddWithValue(location.Name);
        p.AddWithValue(location.MunicipalityCode);
        p.AddWithValue(location.MunicipalityName);
        p.AddWithValue(location.Province);
        p.AddWithValue(location.HasIdo);
        p.Add(new NpgsqlParameter { Value = (object?)location.IdoOpenedOn ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        p.AddWithValue(occurredAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records a closure; arriving before the location's details, it is kept until they come.</summary>
    public static async Task ApplyClosure(NpgsqlConnection connection, NpgsqlTransaction tx, LocationClosed closed,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO known_locations (location_id, organisation_id, closed_on) VALUES ($1, $2, $3)
            ON CONFLICT (location_id) DO UPDATE SET
                closed_on = LEAST(coalesce(known_locations.closed_on, EXCLUDED.closed_on), EXCLUDED.closed_on)
            """, connection, tx);
        command.Parameters.AddWithValue(closed.LocationId);
        command.Parameters.AddWithValue(closed.OrganisationId);
        command.Parameters.AddWithValue(closed.ClosedOn);
        await command.ExecuteNonQueryAsync(ct);
    }
}
