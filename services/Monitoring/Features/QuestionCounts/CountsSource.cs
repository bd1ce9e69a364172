using IdoPlatform.Monitoring.Storage.Cubes;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

/// <summary>Visits: the visit rows alone; Questions: their questions too (unnested from the visit rows).</summary>
public enum FactsTable { Visits, Questions }

/// <summary>
/// Where a query is answered from: a cube when one can answer it exactly, else the per-visit facts.
/// A month cube may take a day cube along for the partial months at the ends of the range
/// (<see cref="EdgeCube"/>), so any range is answered from whole months plus a few days.
/// </summary>
public sealed record CountsSource(CubeDefinition? Cube, FactsTable Facts, CubeDefinition? EdgeCube = null)
{
    public static CountsSource Choose(QuestionCountsQuery query)
    {
        foreach (var cube in CubeCatalogue.All)
        {
            if (CanAnswer(cube, query)) return new CountsSource(cube, FactsTable.Questions);
            if (cube.Grain == TimeGrain.Month && WholeMonths(query) is not null && CanAnswer(cube, query, ignoreAlignment: true)
                && CubeCatalogue.All.FirstOrDefault(c => c.Grain == TimeGrain.Day && c.Dimensions.SequenceEqual(cube.Dimensions)) is { } days)
                return new CountsSource(cube, FactsTable.Questions, days);
        }
        var touchesQuestions = query.Touched.Any(d => d.Level == DimensionLevel.Question);
        return new CountsSource(null, touchesQuestions ? FactsTable.Questions : FactsTable.Visits);
    }

    /// <summary>The whole months inside the range (first day of the first, last day of the last), if any.</summary>
    public static (DateOnly From, DateOnly To)? WholeMonths(QuestionCountsQuery query)
    {
        var from = query.From.Day == 1 ? query.From : new DateOnly(query.From.Year, query.From.Month, 1).AddMonths(1);
        var to = query.To.AddDays(1).Day == 1 ? query.To : new DateOnly(query.To.Year, query.To.Month, 1).AddDays(-1);
        return from <= to ? (from, to) : null;
    }

    /// <summary>
    /// Visit counts add up over time and visit dimensions, but a visit with questions on two topics sits
    /// in two topic cells: summing over a question dimension would count it twice. So each of the cube's
    /// question dimensions must be grouped by, or filtered to a single value; and the cube's months must
    /// tile the range exactly.
    /// </summary>
    public static bool CanAnswer(CubeDefinition cube, QuestionCountsQuery query, bool ignoreAlignment = false)
    {
        foreach (var dimension in query.Touched)
        {
            var held = dimension.Level == DimensionLevel.Visit
                ? cube.VisitDimensions.Contains(dimension)
                : cube.QuestionDimensions.Contains(dimension);
            if (!held) return false;
        }
        foreach (var dimension in cube.QuestionDimensions)
        {
            var pinned = query.GroupBy.Contains(dimension)
                || (query.Filters.TryGetValue(dimension, out var values) && values.Length == 1);
            if (!pinned) return false;
        }
        if (cube.Grain == TimeGrain.Month)
        {
            var wholeMonths = ignoreAlignment || (query.From.Day == 1 && query.To.AddDays(1).Day == 1);
            var periodFits = query.Period is null or PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year;
            if (!wholeMonths || !periodFits) return false;
        }
        return true;
    }
}
