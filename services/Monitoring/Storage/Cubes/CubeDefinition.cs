using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Storage.Cubes;

public enum TimeGrain { Day, Month }

/// <summary>
/// A pre-aggregated table of visit and question counts per time bucket and a few dimensions, kept so
/// the common national questions (quarter × province × topic) need not scan a million visits.
/// </summary>
/// <remarks>
/// A cell counts each visit once, however many of its questions fall in it. Cells therefore add up over
/// time and over visit dimensions, but not over question dimensions: a cube answers a query only when the
/// query pins each of the cube's question dimensions (grouped, or filtered to one value).
/// </remarks>
public sealed record CubeDefinition(
    string Name,
    TimeGrain Grain,
    IReadOnlyList<Dimension> VisitDimensions,
    IReadOnlyList<Dimension> QuestionDimensions)
{
    public const int MaxDimensions = 3;

    public IReadOnlyList<Dimension> Dimensions { get; } = [.. VisitDimensions, .. QuestionDimensions];

    public string TableSuffix => $"cube_{Name}";

    public DateOnly BucketOf(DateOnly day) =>
        Grain == TimeGrain.Day ? day : new DateOnly(day.Year, day.Month, 1);
}

/// <summary>The cubes this service keeps. Each one costs rebuild and write time; add one only for a query that needs it.</summary>
public static class CubeCatalogue
{
    public static readonly IReadOnlyList<CubeDefinition> All =
    [
        new("month_province_topic", TimeGrain.Month, [Dimension.Province], [Dimension.Topic]),
        new("day_province_topic", TimeGrain.Day, [Dimension.Province], [Dimension.Topic]),
        new("month_province_channel", TimeGrain.Month, [Dimension.Province, Dimension.Channel], []),
        new("day_province_channel", TimeGrain.Day, [Dimension.Province, Dimension.Channel], []),
        new("month_province_agency", TimeGrain.Month, [Dimension.Province], [Dimension.Agency]),
    ];
}
