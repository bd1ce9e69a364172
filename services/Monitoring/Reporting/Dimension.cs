namespace IdoPlatform.Monitoring.Reporting;

/// <summary>Whether a dimension belongs to the visit as a whole or to each of its questions.</summary>
/// <remarks>
/// Visit counts add up over visit dimensions (a visit has one place, one day, one channel) but not over
/// question dimensions (a visit with a DigiD and a toeslagen question counts once under each topic).
/// That decides which pre-aggregated cube may answer a query.
/// </remarks>
public enum DimensionLevel { Visit, Question }

/// <summary>A dimension counts can be grouped and filtered by: its query name, column and level.</summary>
public sealed record Dimension(string Name, string Column, DimensionLevel Level, bool FinerThanProvince)
{
    public static readonly Dimension Province = new("province", "province", DimensionLevel.Visit, false);
    public static readonly Dimension Municipality = new("municipality", "municipality_code", DimensionLevel.Visit, true);
    public static readonly Dimension Organisation = new("organisation", "organisation_id", DimensionLevel.Visit, true);
    public static readonly Dimension Location = new("location", "location_id", DimensionLevel.Visit, true);
    public static readonly Dimension Channel = new("channel", "channel", DimensionLevel.Visit, false);
    public static readonly Dimension Topic = new("topic", "topic", DimensionLevel.Question, false);
    public static readonly Dimension Domain = new("domain", "domain", DimensionLevel.Question, false);
    /// <summary>The organisation a question concerned: an NPD agency code, <c>gemeente</c>, <c>other</c> or <c>none</c>.</summary>
    public static readonly Dimension Agency = new("agency", "agency", DimensionLevel.Question, false);
    public static readonly Dimension DurationBand = new("durationBand", "duration_band", DimensionLevel.Question, false);
    /// <summary>Several per question: a question counts once under each kind of help it got.</summary>
    public static readonly Dimension HelpGiven = new("helpGiven", "help_given", DimensionLevel.Question, false);

    /// <summary>In the order the API documents them; also the column order of results.</summary>
    public static readonly IReadOnlyList<Dimension> All =
        [Province, Municipality, Organisation, Location, Topic, Domain, Agency, Channel, DurationBand, HelpGiven];

    public static Dimension? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    public override string ToString() => Name;
}
