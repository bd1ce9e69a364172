using IdoPlatform.Monitoring.Projections.Cubes;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

public enum FactsTable { Visits, Questions }

/// <summary>Where a query is answered from: a cube when one can answer it exactly, else the per-visit facts.</summary>
public sealed record CountsSource(CubeDefinition? Cube, FactsTable Facts)
{
    public static CountsSource Choose(QuestionCountsQuery query)
    {
        foreach (var cube in CubeCatalogue.All)
            if (CanAnswer(cube, query)) return new CountsSource(cube, FactsTable.Questions);
        var touchesQuestions = query.Touched.Any(d => d.Level == DimensionLevel.Question);
        return new CountsSource(null, touchesQuestions ? FactsTable.Questions : FactsTable.Visits);
    }

    /// <summary>
    /// Visit counts add up over time and visit dimensions, but a visit with questions on two topics sits
    /// in two topic cells: summing over a question dimension would count it twice. So each of the cube's
    /// question dimensions must be grouped by, or filtered to a single value; and the cube's months must
    /// tile the range exactly.
    /// </summary>
    public static bool CanAnswer(CubeDefinition cube, QuestionCountsQuery query)
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
            var wholeMonths = query.From.Day == 1 && query.To.AddDays(1).Day == 1;
            var periodFits = query.Period is null or PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year;
            if (!wholeMonths || !periodFits) return false;
        }
        return true;
    }
}
