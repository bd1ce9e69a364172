using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Reporting;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Monitoring.Features.ReferralOutcomes;

/// <summary>Referrals issued from <see cref="From"/> to <see cref="To"/> (their cohort), grouped and filtered.</summary>
public sealed record ReferralOutcomesQuery(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<Dimension> GroupBy,
    IReadOnlyDictionary<Dimension, string[]> Filters)
{
    public static readonly IReadOnlyList<Dimension> Dimensions = [Dimension.Province, Dimension.Topic, Dimension.Agency];

    public static (ReferralOutcomesQuery? Query, Validator Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> queryString)
    {
        var reader = new QueryReader(queryString);
        var range = reader.Range();
        var groupBy = reader.GroupBy(Dimensions);
        var filters = reader.Filters(Dimensions);
        reader.RejectUnknown();
        if (reader.Errors.HasErrors || range is null) return (null, reader.Errors);
        return (new ReferralOutcomesQuery(range.Value.From, range.Value.To, groupBy, filters), reader.Errors);
    }
}
