using IdoPlatform.Monitoring.Storage.ReadModel;
using IdoPlatform.Monitoring.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

/// <summary>
/// One SQL statement per query: columns are period start, the grouped dimensions, visits, questions,
/// then (for suppression) the parent areas of grouped geographic dimensions.
/// </summary>
public static class QuestionCountsSql
{
    /// <summary>The parent areas whose totals are public, per geographic dimension.</summary>
    public static readonly IReadOnlyDictionary<Dimension, Dimension[]> ParentsOf = new Dictionary<Dimension, Dimension[]>
    {
        [Dimension.Municipality] = [Dimension.Province],
        [Dimension.Organisation] = [Dimension.Province],
        [Dimension.Location] = [Dimension.Municipality, Dimension.Organisation],
    };

    /// <summary>The visit row's array holding each question dimension.</summary>
    private static readonly IReadOnlyDictionary<Dimension, string> ArrayOf = new Dictionary<Dimension, string>
    {
        [Dimension.Topic] = "topics",
        [Dimension.Domain] = "domains",
        [Dimension.Agency] = "agencies",
        [Dimension.DurationBand] = "duration_bands",
        [Dimension.HelpGiven] = "help_given",
    };

    public static NpgsqlCommand Build(QuestionCountsQuery query, CountsSource source, ReadModelTables tables, bool withParents)
    {
        var command = new NpgsqlCommand();
        var where = new List<string>();
        var index = 0;
        string AddParameter(NpgsqlDbType type, object value)
        {
            var name = $"p{index++}";
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            return "@" + name;
        }
        string Values(Dimension d, string[] values) => d == Dimension.Organisation
            ? AddParameter(NpgsqlDbType.Array | NpgsqlDbType.Uuid, values.Select(Guid.Parse).ToArray())
            : AddParameter(NpgsqlDbType.Array | NpgsqlDbType.Text, values);

        var filters = query.Filters.OrderBy(f => f.Key.Name, StringComparer.Ordinal).ToList();
        string from, visits, questions, day;
        Func<Dimension, string> column;

        if (source.Cube is { } cube)
        {
            day = "bucket";
            visits = "sum(visits)";
            questions = "sum(questions)";
            column = d => d.Column;
            var cubeFilters = filters.Select(f => $" AND {f.Key.Column} = ANY({Values(f.Key, f.Value)})").ToList();
            if (source.EdgeCube is { } edges && CountsSource.WholeMonths(query) is { } months)
            {
                // Whole months from the month cube, the days before and after them from the day cube.
                var columns = string.Join(", ", ["bucket", .. cube.Dimensions.Select(d => d.Column), "visits", "questions"]);
                var monthsFrom = AddParameter(NpgsqlDbType.Date, months.From);
                var monthsTo = AddParameter(NpgsqlDbType.Date, months.To);
                from = $"""
                    (SELECT {columns} FROM {tables.Cube(cube)} WHERE bucket BETWEEN {monthsFrom} AND {monthsTo}{string.Concat(cubeFilters)}
                     UNION ALL
                     SELECT {columns} FROM {tables.Cube(edges)}
                     WHERE (bucket BETWEEN @from AND {AddParameter(NpgsqlDbType.Date, months.From.AddDays(-1))}
                            OR bucket BETWEEN {AddParameter(NpgsqlDbType.Date, months.To.AddDays(1))} AND @to){string.Concat(cubeFilters)}) c
                    """;
            }
            else
            {
                from = tables.Cube(cube);
                where.AddRange(cubeFilters.Select(f => f[5..]));
            }
        }
        else
        {
            from = tables.Visits + " v";
            day = "v.day";
            column = d => d.Level == DimensionLevel.Question ? "c." + d.Column
                : d == Dimension.Organisation ? "v.organisation_id::text"
                : "v." + d.Column;
            where.Add("NOT v.voided");
            foreach (var (d, values) in filters.Where(f => f.Key.Level == DimensionLevel.Visit))
                where.Add(d == Dimension.Organisation
                    ? $"v.organisation_id = ANY({Values(d, values)})"
                    : $"v.{d.Column} = ANY({Values(d, values)})");

            var questionDims = query.Touched.Where(d => d.Level == DimensionLevel.Question).ToList();
            if (questionDims.Count == 0)
            {
                visits = "count(*)";
                questions = "sum(v.question_count)";
            }
            else
            {
                // Per visit, its questions grouped by the asked question values: each group then counts the visit
                // once and its questions all, with no need to count distinct visits over millions of rows.
                var grouped = query.GroupBy.Where(d => d.Level == DimensionLevel.Question).ToList();
                var helpUnnested = grouped.Contains(Dimension.HelpGiven);
                var arrays = questionDims.Select(d => ArrayOf[d]).ToList();
                var inner = new List<string>();
                foreach (var (d, values) in filters.Where(f => f.Key.Level == DimensionLevel.Question))
                    inner.Add(d == Dimension.HelpGiven && !helpUnnested
                        ? $"string_to_array(q.help_given, ',') && {Values(d, values)}"
                        : $"{(d == Dimension.HelpGiven ? "h.help" : "q." + d.Column)} = ANY({Values(d, values)})");
                var selected = grouped.Select(d => $"{(d == Dimension.HelpGiven ? "h.help" : "q." + d.Column)} AS {d.Column}").ToList();
                from += $"""
                     CROSS JOIN LATERAL (
                        SELECT {string.Join("", selected.Select(c => c + ", "))}count(*) AS n
                        FROM unnest({string.Join(", ", arrays.Select(a => "v." + a))}) AS q({string.Join(", ", questionDims.Select(d => d.Column))})
                        {(helpUnnested ? "CROSS JOIN LATERAL unnest(string_to_array(q.help_given, ',')) AS h(help)" : "")}
                        {(inner.Count > 0 ? "WHERE " + string.Join(" AND ", inner) : "")}
                        {(grouped.Count > 0 ? "GROUP BY " + string.Join(", ", Enumerable.Range(1, grouped.Count)) : "")}
                        HAVING count(*) > 0) c
                    """;
                visits = "count(*)";
                questions = "sum(c.n)";
            }
        }

        where.Add($"{day} BETWEEN @from AND @to");
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = query.From });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = query.To });

        var period = query.Period is { } kind ? Periods.SqlStartOf(kind, day) : "NULL::date";
        var groups = query.GroupBy.Select(column).ToList();
        var parents = withParents
            ? query.GroupBy.Where(ParentsOf.ContainsKey).SelectMany(d => ParentsOf[d]).Select(p => $"min({column(p)})").ToList()
            : [];
        var groupKeys = (query.Period is null ? groups : ["1", .. groups]).ToList();

        command.CommandText = $"""
            SELECT {string.Join(", ", [period, .. groups, $"{visits}::bigint", $"{questions}::bigint", .. parents])}
            FROM {from}
            WHERE {string.Join(" AND ", where)}
            {(groupKeys.Count > 0 ? "GROUP BY " + string.Join(", ", groupKeys) : "")}
            HAVING count(*) > 0
            ORDER BY {string.Join(", ", ["1", .. Enumerable.Range(2, groups.Count).Select(i => i.ToString())])}
            LIMIT {QuestionCountsQuery.MaxRows + 1}
            """;
        return command;
    }
}
