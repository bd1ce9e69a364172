using IdoPlatform.Monitoring.Storage.ReadModel;
using IdoPlatform.Monitoring.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Monitoring.Features.ReferralOutcomes;

/// <summary>
/// Of the referrals issued in the range: how many arrived at an IDO, expired, were cancelled or are
/// still open, and the arrival rate (arrived / issued). Counted by issue day, so a cohort's numbers only
/// move from open to an outcome.
/// </summary>
public sealed class ReferralOutcomesReport(NpgsqlDataSource dataSource, ReadModelSchema schema)
{
    public async Task<ReportTable> Run(ReferralOutcomesQuery query, Guid? ownOrganisation, CancellationToken ct)
    {
        var tables = await schema.Current(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string> { "r.issued_on BETWEEN @from AND @to" };
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = query.From });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = query.To });
        var index = 0;
        foreach (var (dimension, values) in query.Filters)
        {
            where.Add($"r.{dimension.Column} = ANY(@f{index})");
            command.Parameters.Add(new NpgsqlParameter($"f{index++}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        }
        var join = "";
        if (ownOrganisation is { } org)
        {
            // A library sees the referrals to its own locations only.
            join = $"JOIN {tables.Locations} l ON l.location_id = r.location_id AND l.organisation_id = @org";
            command.Parameters.Add(new NpgsqlParameter("org", NpgsqlDbType.Uuid) { Value = org });
        }
        var groups = query.GroupBy.Select(d => "r." + d.Column).ToList();
        command.CommandText = $"""
            SELECT {string.Join("", groups.Select(g => g + ", "))}count(*),
                   count(*) FILTER (WHERE r.status = 'arrived'), count(*) FILTER (WHERE r.status = 'expired'),
                   count(*) FILTER (WHERE r.status = 'cancelled'), count(*) FILTER (WHERE r.status = 'issued')
            FROM {tables.Referrals} r {join}
            WHERE {string.Join(" AND ", where)}
            {(groups.Count > 0 ? "GROUP BY " + string.Join(", ", groups) : "")}
            HAVING count(*) > 0
            {(groups.Count > 0 ? "ORDER BY " + string.Join(", ", groups) : "")}
            """;

        var columns = query.GroupBy.Select(d => d.Name)
            .Concat(["issued", "arrived", "expired", "cancelled", "open", "arrivalRate"]).ToList();
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var dims = query.GroupBy.Count;
            var row = new object?[columns.Count];
            for (var i = 0; i < dims; i++) row[i] = reader.GetString(i);
            var issued = reader.GetInt64(dims);
            var arrived = reader.GetInt64(dims + 1);
            row[dims] = issued;
            row[dims + 1] = arrived;
            row[dims + 2] = reader.GetInt64(dims + 2);
            row[dims + 3] = reader.GetInt64(dims + 3);
            row[dims + 4] = reader.GetInt64(dims + 4);
            row[dims + 5] = Math.Round((double)arrived / issued, 4);
            rows.Add(row);
        }

        var meta = new Dictionary<string, object?>
        {
            ["from"] = query.From,
            ["to"] = query.To,
            ["groupBy"] = query.GroupBy.Select(d => d.Name).ToArray(),
            ["filters"] = query.Filters.OrderBy(f => f.Key.Name, StringComparer.Ordinal)
                .ToDictionary(f => f.Key.Name, f => (object?)f.Value),
        };
        return new ReportTable(columns, rows, meta);
    }
}
