using System.Text.Json;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Features.Visits;
using Npgsql;

namespace IdoPlatform.Registrations.Storage;

/// <summary>Reads of the visit_list read model; always within one organisation.</summary>
public sealed class VisitListQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "visit_id, status, version, registered_at, changed_at, void_reason, place::text, details::text";

    public async Task<VisitResponse?> Find(Guid organisationId, Guid visitId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM visit_list WHERE visit_id = $1 AND organisation_id = $2");
        command.Parameters.AddWithValue(visitId);
        command.Parameters.AddWithValue(organisationId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>
    /// One page, newest visit first (ties broken by id, so pages never overlap), after <paramref name="after"/>:
    /// a range scan of <c>visit_list_by_organisation</c> (or <c>_by_location</c>) from that position, so the last page
    /// costs what the first does. Returns up to <paramref name="limit"/> rows with the position each ends at; nothing
    /// is counted. The SQL names only the filters given, so the planner always sees the index's own conditions.
    /// </summary>
    public async Task<IReadOnlyList<(VisitResponse Visit, KeysetPosition Position)>> List(Guid organisationId,
        string? locationId, DateTimeOffset? from, DateTimeOffset? before, KeysetPosition? after, int limit,
        CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand();
        var where = new List<string> { "organisation_id = @org" };
        command.Parameters.AddWithValue("org", organisationId);
        if (locationId is not null)
        {
            where.Add("location_id = @location");
            command.Parameters.AddWithValue("location", locationId);
        }
        if (from is { } start)
        {
            where.Add("occurred_at >= @from");
            command.Parameters.AddWithValue("from", start.ToUniversalTime());
        }
        if (before is { } end)
        {
            where.Add("occurred_at < @before");
            command.Parameters.AddWithValue("before", end.ToUniversalTime());
        }
        if (after is { } position)
        {
            // A row comparison: one index condition, matching the index's (occurred_at DESC, visit_id DESC).
            where.Add("(occurred_at, visit_id) < (@afterAt, @afterId)");
            command.Parameters.AddWithValue("afterAt", position.At.ToUniversalTime());
            command.Parameters.AddWithValue("afterId", position.Id);
        }
        command.Parameters.AddWithValue("limit", limit);
        command.CommandText = $"""
            SELECT {Columns}, occurred_at FROM visit_list
            WHERE {string.Join(" AND ", where)}
            ORDER BY occurred_at DESC, visit_id DESC LIMIT @limit
            """;

        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(VisitResponse, KeysetPosition)>(limit);
        while (await reader.ReadAsync(ct))
            rows.Add((Read(reader), new KeysetPosition(reader.GetFieldValue<DateTimeOffset>(8), reader.GetGuid(0))));
        return rows;
    }

    private static VisitResponse Read(NpgsqlDataReader reader)
    {
        var place = JsonSerializer.Deserialize<VisitPlace>(reader.GetString(6), VisitListProjection.Json)!;
        var details = JsonSerializer.Deserialize<VisitDetails>(reader.GetString(7), VisitListProjection.Json)!;
        var visit = new Visit(
            reader.GetGuid(0), place, details,
            reader.GetString(1) == "voided" ? VisitStatus.Voided : VisitStatus.Registered,
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
        return VisitResponse.From(visit, reader.GetInt64(2));
    }
}
