using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Reporting;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Monitoring.Features.IdoLocations;

/// <summary>Open IDO locations on one day, grouped by province and/or municipality.</summary>
public sealed record IdoLocationsQuery(DateOnly Date, IReadOnlyList<Dimension> GroupBy, IReadOnlyDictionary<Dimension, string[]> Filters)
{
    public static readonly IReadOnlyList<Dimension> Dimensions = [Dimension.Province, Dimension.Municipality];

    public static (IdoLocationsQuery? Query, Validator Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> queryString,
        DateOnly today)
    {
        var reader = new QueryReader(queryString);
        var date = reader.Date("date", required: false);
        var groupBy = reader.GroupBy(Dimensions);
        var filters = reader.Filters(Dimensions);
        reader.RejectUnknown();
        if (reader.Errors.HasErrors) return (null, reader.Errors);
        return (new IdoLocationsQuery(date ?? today, groupBy, filters), reader.Errors);
    }
}
