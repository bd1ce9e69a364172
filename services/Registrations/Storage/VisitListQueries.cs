using System.Text.Json;
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

    /// <summary>One page, newest visit first (ties broken by id, so pages never overlap), and the total.</summary>
    public async Task<(IReadOnlyList<VisitResponse> Items, long Total)> List(Guid organisationId, string? locationId,
        DateTimeOffset? from, DateTimeOffset? before, int offset, int limit, CancellationToken ct = default)
    {
        const string filter = """
            WHERE organisation_id = @org
              AND (@location::text IS NULL OR location_id = @location)
              AND (@from::timestamptz IS NULL OR occurred_at >= @from)
              AND (@before::timestamptz IS NULL OR occurred_at < @before)
            """;
        await using var batch = dataSource.CreateBatch();
        var list = new NpgsqlBatchCommand($"""
            SELECT {Columns} FROM visit_list {filter}
            ORDER BY occurred_at DESC, visit_id LIMIT @limit OFFSET @offset
            """);
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM visit_list {filter}");
        foreach (var command in new[] { list, count })
        {
            command.Parameters.AddWithValue("org", organisationId);
            command.Parameters.Add(new NpgsqlParameter("location", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)locationId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)from?.ToUniversalTime() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("before", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)before?.ToUniversalTime() ?? DBNull.Value });
        }
        list.Parameters.AddWithValue("limit", limit);
        list.Parameters.AddWithValue("offset", offset);
        batch.BatchCommands.Add(list);
        batch.BatchCommands.Add(count);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var items = new List<VisitResponse>();
        while (await reader.ReadAsync(ct)) items.Add(Read(reader));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (items, reader.GetInt64(0));
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
