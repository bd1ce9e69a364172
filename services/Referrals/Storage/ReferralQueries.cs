using Npgsql;

namespace IdoPlatform.Referrals.Storage;

public sealed class ReferralQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, code, agency, topic, location_id, organisation_id, method, status, issued_at, expires_at,
        ended_at, visit_id, ignored_arrivals, version
        """;

    public Task<ReferralSummary?> ByCode(string code, CancellationToken ct) =>
        Single($"SELECT {Columns} FROM referrals_read WHERE code = $1", code, ct);

    public Task<ReferralSummary?> ById(Guid id, CancellationToken ct) =>
        Single($"SELECT {Columns} FROM referrals_read WHERE id = $1", id, ct);

    /// <summary>One agency's referrals, newest first (ties by id), with the total for paging.</summary>
    public async Task<(IReadOnlyList<ReferralSummary> Page, int Total)> ForAgency(string agency, string? status,
        DateTimeOffset? from, DateTimeOffset? to, int page, int pageSize, CancellationToken ct)
    {
        const string where = """
            WHERE agency = @agency AND (@status::text IS NULL OR status = @status)
              AND (@from::timestamptz IS NULL OR issued_at >= @from) AND (@to::timestamptz IS NULL OR issued_at < @to)
            """;
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns}, count(*) OVER () FROM referrals_read {where}
            ORDER BY issued_at DESC, id LIMIT @limit OFFSET @offset
            """);
        command.Parameters.AddWithValue("agency", agency);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("from", (object?)from ?? DBNull.Value);
        command.Parameters.AddWithValue("to", (object?)to ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", pageSize);
        command.Parameters.AddWithValue("offset", (page - 1) * pageSize);
        var rows = new List<ReferralSummary>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(Read(reader));
            total = (int)reader.GetInt64(14);
        }
        if (rows.Count == 0 && page > 1) total = await Count(agency, status, from, to, ct);
        return (rows, total);
    }

    /// <summary>The referrals that arrived through <paramref name="visitId"/> (one, unless the data predates reversals).</summary>
    public async Task<IReadOnlyList<ReferralSummary>> ArrivedThrough(Guid visitId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM referrals_read WHERE visit_id = $1 AND status = 'arrived' ORDER BY id");
        command.Parameters.AddWithValue(visitId);
        var rows = new List<ReferralSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    /// <summary>Open referrals whose expiry moment has passed: the sweep's work list.</summary>
    public async Task<IReadOnlyList<Guid>> DueForExpiry(DateTimeOffset now, int max, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM referrals_read WHERE status = 'issued' AND expires_at <= $1 ORDER BY expires_at, id LIMIT $2");
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(max);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task<int> Count(string agency, string? status, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM referrals_read WHERE agency = @agency AND (@status::text IS NULL OR status = @status)
              AND (@from::timestamptz IS NULL OR issued_at >= @from) AND (@to::timestamptz IS NULL OR issued_at < @to)
            """);
        command.Parameters.AddWithValue("agency", agency);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("from", (object?)from ?? DBNull.Value);
        command.Parameters.AddWithValue("to", (object?)to ?? DBNull.Value);
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<ReferralSummary?> Single<T>(string sql, T key, CancellationToken ct) where T : notnull
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static ReferralSummary Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetGuid(5), r.GetString(6),
        r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetFieldValue<DateTimeOffset>(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetGuid(11),
        r.GetInt32(12), r.GetInt64(13));
}
