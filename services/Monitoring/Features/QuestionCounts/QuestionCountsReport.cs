using IdoPlatform.Monitoring.Storage.ReadModel;
using IdoPlatform.Monitoring.Reporting;
using Npgsql;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

/// <summary>Runs a question-counts query against the serving tables and shapes (and suppresses) the result.</summary>
public sealed class QuestionCountsReport(NpgsqlDataSource dataSource, ReadModelSchema schema)
{
    public sealed record Row(DateOnly? PeriodStart, string[] Values, long Visits, long Questions, string[] Parents);

    /// <returns>Null when the result would exceed <see cref="QuestionCountsQuery.MaxRows"/>.</returns>
    public async Task<ReportTable?> Run(QuestionCountsQuery query, bool suppress, CancellationToken ct)
    {
        var withSuppression = suppress && query.IsFinerThanProvince;
        var rows = await Fetch(query, withSuppression, ct);
        if (rows is null) return null;

        var withheld = withSuppression ? Suppress(query, rows) : new bool[rows.Count];
        var columns = new List<string> { "period" };
        columns.AddRange(query.GroupBy.Select(d => d.Name));
        columns.AddRange(["visits", "questions", "suppressed"]);

        var table = new List<object?[]>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cells = new object?[columns.Count];
            cells[0] = PeriodLabel(query, row.PeriodStart);
            row.Values.CopyTo(cells, 1);
            var n = row.Values.Length + 1;
            cells[n] = withheld[i] ? null : row.Visits;
            cells[n + 1] = withheld[i] ? null : row.Questions;
            cells[n + 2] = withheld[i];
            table.Add(cells);
        }

        var meta = new Dictionary<string, object?>
        {
            ["from"] = query.From,
            ["to"] = query.To,
            ["period"] = query.Period?.ToString().ToLowerInvariant(),
            ["groupBy"] = query.GroupBy.Select(d => d.Name).ToArray(),
            ["filters"] = query.Filters.OrderBy(f => f.Key.Name, StringComparer.Ordinal)
                .ToDictionary(f => f.Key.Name, f => (object?)f.Value),
            ["suppression"] = new Dictionary<string, object?>
            {
                ["applied"] = withSuppression,
                ["minimumVisits"] = SmallCellSuppression.MinimumVisits,
                ["suppressedCells"] = withheld.Count(w => w),
            },
        };
        return new ReportTable(columns, table, meta);
    }

    /// <summary>Whether any of <paramref name="locationIds"/> belongs to another organisation than <paramref name="organisation"/>
    /// (a location not heard of belongs to none).</summary>
    public async Task<bool> AnyOfAnotherOrganisation(IReadOnlyCollection<string> locationIds, Guid organisation, CancellationToken ct)
    {
        var tables = await schema.Current(ct);
        await using var command = dataSource.CreateCommand(
            $"SELECT EXISTS (SELECT 1 FROM {tables.Locations} WHERE location_id = ANY(@ids) AND organisation_id <> @organisation)");
        command.Parameters.AddWithValue("ids", locationIds.ToArray());
        command.Parameters.AddWithValue("organisation", organisation);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<List<Row>?> Fetch(QuestionCountsQuery query, bool withParents, CancellationToken ct)
    {
        var tables = await schema.Current(ct);
        var source = CountsSource.Choose(query);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (source.Cube is null)
        {
            // Counting distinct visits over a million rows sorts them: let that happen in memory, for this query only.
            await using var memory = new NpgsqlCommand("SET LOCAL work_mem = '64MB'", connection, tx);
            await memory.ExecuteNonQueryAsync(ct);
        }
        await using var command = QuestionCountsSql.Build(query, source, tables, withParents);
        command.Connection = connection;
        command.Transaction = tx;

        var rows = new List<Row>();
        var dims = query.GroupBy.Count;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == QuestionCountsQuery.MaxRows) return null;
            var values = new string[dims];
            for (var i = 0; i < dims; i++) values[i] = reader.GetString(1 + i);
            var parents = new string[reader.FieldCount - dims - 3];
            for (var i = 0; i < parents.Length; i++) parents[i] = reader.GetString(dims + 3 + i);
            rows.Add(new Row(reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0), values,
                reader.GetInt64(dims + 1), reader.GetInt64(dims + 2), parents));
        }
        return rows;
    }

    private static bool[] Suppress(QuestionCountsQuery query, List<Row> rows)
    {
        // Coordinates: the period (when split) and each grouped value; parents sit beside their geographic axis.
        var offset = query.Period is null ? 0 : 1;
        var cells = rows.Select(r =>
        {
            var coordinates = query.Period is null ? r.Values : [r.PeriodStart!.Value.ToString("O"), .. r.Values];
            var parents = new Dictionary<int, string[]>();
            var p = 0;
            for (var i = 0; i < query.GroupBy.Count; i++)
                if (QuestionCountsSql.ParentsOf.TryGetValue(query.GroupBy[i], out var kinds))
                {
                    parents[i + offset] = r.Parents[p..(p + kinds.Length)];
                    p += kinds.Length;
                }
            return new SuppressionCell(coordinates, parents, r.Visits);
        }).ToList();
        return SmallCellSuppression.Apply(cells);
    }

    private static string PeriodLabel(QuestionCountsQuery query, DateOnly? start) =>
        query.Period is { } kind && start is { } s ? Periods.Label(kind, s) : Periods.RangeLabel(query.From, query.To);
}
