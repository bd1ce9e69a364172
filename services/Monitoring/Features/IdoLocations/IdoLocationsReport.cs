using IdoPlatform.Monitoring.Storage.ReadModel;
using IdoPlatform.Monitoring.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Monitoring.Features.IdoLocations;

/// <summary>Counts the IDO periods open on the day: all, inside a library, outside one.</summary>
public sealed class IdoLocationsReport(NpgsqlDataSource dataSource, ReadModelSchema schema)
{
    public async Task<ReportTable> Run(IdoLocationsQuery query, CancellationToken ct)
    {
        var tables = await schema.Current(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string> { "from_day <= @date", "(until_day IS NULL OR until_day > @date)" };
        command.Parameters.Add(new NpgsqlParameter("date", NpgsqlDbType.Date) { Value = query.Date });
        var index = 0;
        foreach (var (dimension, values) in query.Filters)
        {
            where.Add($"{dimension.Column} = ANY(@f{index})");
            command.Parameters.Add(new NpgsqlParameter($"f{index++}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        }
        var groups = query.GroupBy.Select(d => d.Column).ToList();
        command.CommandText = $"""
            SELECT {string.Join("", groups.Select(g => g + ", "))}count(*),
                   count(*) FILTER (WHERE inside_library), count(*) FILTER (WHERE NOT inside_library)
            FROM {tables.IdoPeriods}
            WHERE {string.Join(" AND ", where)}
            {(groups.Count > 0 ? "GROUP BY " + string.Join(", ", groups) : "")}
            HAVING count(*) > 0
            {(groups.Count > 0 ? "ORDER BY " + string.Join(", ", groups) : "")}
            """;

        var columns = query.GroupBy.Select(d => d.Name).Concat(["openLocations", "insideLibrary", "outsideLibrary"]).ToList();
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                row[i] = i < groups.Count ? reader.GetString(i) : reader.GetInt64(i);
            rows.Add(row);
        }
        var meta = new Dictionary<string, object?>
        {
            ["date"] = query.Date,
            ["groupBy"] = query.GroupBy.Select(d => d.Name).ToArray(),
            ["filters"] = query.Filters.OrderBy(f => f.Key.Name, StringComparer.Ordinal)
                .ToDictionary(f => f.Key.Name, f => (object?)f.Value),
        };
        return new ReportTable(columns, rows, meta);
    }
}
