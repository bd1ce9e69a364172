using IdoPlatform.Monitoring.Projections.ReadModel;
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

    public static NpgsqlCommand Build(QuestionCountsQuery query, CountsSource source, ReadModelTables tables, bool withParents)
    {
        var command = new NpgsqlCommand();
        var where = new List<string>();
        string from, dayColumn, visits, questions;
        var helpUnnested = false;

        if (source.Cube is { } cube)
        {
            from = tables.Cube(cube);
            dayColumn = "bucket";
            visits = "sum(visits)";
            questions = "sum(questions)";
        }
        else if (source.Facts == FactsTable.Visits)
        {
            from = tables.Visits;
            dayColumn = "day";
            visits = "count(*)";
            questions = "sum(question_count)";
            where.Add("NOT voided");
        }
        else
        {
            helpUnnested = query.GroupBy.Contains(Dimension.HelpGiven);
            from = tables.Questions + (helpUnnested ? " CROSS JOIN LATERAL unnest(help_given) AS h(help)" : "");
            dayColumn = "day";
            visits = "count(DISTINCT visit_id)";
            questions = "count(*)";
        }

        string Column(Dimension d) =>
            d == Dimension.HelpGiven && helpUnnested ? "h.help"
            : d == Dimension.Organisation ? "organisation_id::text"
            : d.Column;

        where.Add($"{dayColumn} BETWEEN @from AND @to");
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = query.From });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = query.To });

        var index = 0;
        foreach (var (dimension, values) in query.Filters.OrderBy(f => f.Key.Name, StringComparer.Ordinal))
        {
            var name = $"f{index++}";
            if (dimension == Dimension.Organisation)
            {
                where.Add($"organisation_id = ANY(@{name})");
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid)
                    { Value = values.Select(Guid.Parse).ToArray() });
                continue;
            }
            where.Add(dimension == Dimension.HelpGiven && !helpUnnested
                ? $"help_given && @{name}"
                : $"{Column(dimension)} = ANY(@{name})");
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        }

        var period = query.Period is { } kind ? Periods.SqlStartOf(kind, dayColumn) : "NULL::date";
        var groups = query.GroupBy.Select(Column).ToList();
        var parents = withParents
            ? query.GroupBy.Where(ParentsOf.ContainsKey).SelectMany(d => ParentsOf[d]).Select(p => $"min({Column(p)})").ToList()
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
