using IdoPlatform.Monitoring.Storage.Visits;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Storage.Cubes;

/// <summary>What one visit adds to a cube: +1 visit and +n questions in every cell its questions touch.</summary>
/// <remarks>Runs for every visit and cube in a rebuild (millions of times), so it avoids LINQ and per-call
/// dictionaries: a visit has at most ten questions, so its cells are collected in a small list.</remarks>
public static class CubeContributions
{
    public static void AddTo(Dictionary<CubeKey, CubeCounts> cells, CubeDefinition cube, VisitFacts visit, int sign)
    {
        if (!visit.Counts) return;
        var bucket = cube.BucketOf(visit.Day);
        var visitDims = cube.VisitDimensions;
        string? a = visitDims.Count > 0 ? VisitValue(visit, visitDims[0]) : null;
        string? b = visitDims.Count > 1 ? VisitValue(visit, visitDims[1]) : null;
        string? c = visitDims.Count > 2 ? VisitValue(visit, visitDims[2]) : null;

        if (cube.QuestionDimensions.Count == 0)
        {
            Add(cells, new CubeKey(bucket, a, b, c), new CubeCounts(sign, sign * visit.Questions.Length));
            return;
        }

        // Questions per distinct combination of the cube's question values; the visit counts once per combination.
        var perCell = new List<(CubeKey Key, int Questions)>(visit.Questions.Length);
        foreach (var question in visit.Questions)
            foreach (var values in QuestionValues(question, cube.QuestionDimensions))
            {
                var key = Complete(bucket, a, b, c, visitDims.Count, values);
                var index = perCell.FindIndex(p => p.Key == key);
                if (index < 0) perCell.Add((key, 1));
                else perCell[index] = (key, perCell[index].Questions + 1);
            }
        foreach (var (key, questions) in perCell)
            Add(cells, key, new CubeCounts(sign, sign * questions));
    }

    public static string VisitValue(VisitFacts visit, Dimension dimension) =>
        dimension == Dimension.Province ? visit.Province
        : dimension == Dimension.Channel ? visit.Channel
        : dimension == Dimension.Municipality ? visit.MunicipalityCode
        : dimension == Dimension.Location ? visit.LocationId
        : dimension == Dimension.Organisation ? visit.OrganisationId.ToString()
        : throw new ArgumentException($"{dimension} is not a visit dimension.");

    /// <summary>Every combination of values a question has for the dimensions (several for help given).</summary>
    public static IEnumerable<string[]> QuestionValues(QuestionFact question, IReadOnlyList<Dimension> dimensions)
    {
        if (dimensions.Count == 1 && dimensions[0] != Dimension.HelpGiven)
            return [[QuestionValue(question, dimensions[0])]];

        IEnumerable<string[]> combinations = [[]];
        foreach (var dimension in dimensions)
        {
            var values = dimension == Dimension.HelpGiven ? question.HelpGiven : [QuestionValue(question, dimension)];
            combinations = combinations.SelectMany(c => values.Select(v => (string[])[.. c, v])).ToArray();
        }
        return combinations;
    }

    private static string QuestionValue(QuestionFact question, Dimension dimension) =>
        dimension == Dimension.Topic ? question.Topic
        : dimension == Dimension.Agency ? question.Agency
        : dimension == Dimension.Domain ? question.Domain
        : dimension == Dimension.DurationBand ? question.DurationBand
        : throw new ArgumentException($"{dimension} is not a single-valued question dimension.");

    private static CubeKey Complete(DateOnly bucket, string? a, string? b, string? c, int visitDimensions, string[] values)
    {
        Span<string?> all = [a, b, c];
        for (var i = 0; i < values.Length && visitDimensions + i < 3; i++) all[visitDimensions + i] = values[i];
        return new CubeKey(bucket, all[0], all[1], all[2]);
    }

    private static void Add(Dictionary<CubeKey, CubeCounts> cells, CubeKey key, CubeCounts counts)
    {
        ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cells, key, out _);
        sum += counts;
        if (sum.IsZero) cells.Remove(key);
    }
}
