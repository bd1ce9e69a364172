using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Reporting;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

/// <summary>What a client asked: a date range, an optional period split, dimensions to group by, filters.</summary>
public sealed record QuestionCountsQuery(
    DateOnly From,
    DateOnly To,
    PeriodKind? Period,
    IReadOnlyList<Dimension> GroupBy,
    IReadOnlyDictionary<Dimension, string[]> Filters)
{
    public const int MaxRows = 100_000;

    /// <summary>Every dimension the query touches, grouped or filtered.</summary>
    public IEnumerable<Dimension> Touched => GroupBy.Concat(Filters.Keys).Distinct();

    /// <summary>Finer than province: a municipality, organisation or location shows in or narrows the result.</summary>
    public bool IsFinerThanProvince => Touched.Any(d => d.FinerThanProvince);

    /// <summary>Reads and checks the query string, naming every problem at once.</summary>
    public static (QuestionCountsQuery? Query, Validator Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> queryString)
    {
        var reader = new QueryReader(queryString);
        var range = reader.Range();
        PeriodKind? period = null;
        if (reader.Single("period") is { } periodName)
        {
            if (Periods.ByName.TryGetValue(periodName, out var kind)) period = kind;
            else reader.Errors.Add("period", InvalidParamCodes.NotAllowed,
                $"Onbekende periode '{periodName}'; toegestaan: {string.Join(", ", Periods.ByName.Keys)}.");
        }
        var groupBy = reader.GroupBy(Dimension.All);
        var filters = reader.Filters(Dimension.All);
        reader.RejectUnknown();

        if (range is { } r && period is { } p && Periods.CountIn(p, r.From, r.To) > MaxRows)
            reader.Errors.Add("period", InvalidParamCodes.OutOfRange,
                $"Meer dan 100.000 perioden in dit bereik; kies een grovere periode of een korter bereik.");

        if (reader.Errors.HasErrors || range is null) return (null, reader.Errors);
        return (new QuestionCountsQuery(range.Value.From, range.Value.To, period, groupBy, filters), reader.Errors);
    }

    /// <summary>The same query narrowed to one organisation (a library sees only its own locations).</summary>
    public QuestionCountsQuery ForOrganisation(Guid organisation) =>
        this with { Filters = new Dictionary<Dimension, string[]>(Filters) { [Dimension.Organisation] = [organisation.ToString()] } };
}
