namespace IdoPlatform.Web.Monitoring;

/// <summary>Everything the dashboard shows for one query. A part that could not be fetched is null with a message.</summary>
public sealed record MonitorView(
    MonitorQuery Query,
    IReadOnlyList<(string Key, string Reason)> Errors,
    MonitorAudience Audience,
    MonitorChoices Choices,
    CountsTable? Counts,
    OutcomesTable? Outcomes,
    string? Freshness,
    string? Unavailable)
{
    public bool HasErrors => Errors.Count > 0;

    public IReadOnlyList<string> ErrorsFor(string key) => Errors.Where(e => e.Key == key).Select(e => e.Reason).ToList();
}

/// <summary>Who looks: the national, suppressed view, or one library organisation's own figures, unsuppressed.</summary>
public sealed record MonitorAudience(bool National, string? OrganisationName);

/// <summary>The options of the filter lists (code and Dutch label).</summary>
public sealed record MonitorChoices(
    IReadOnlyList<(string Value, string Label)> Provinces,
    IReadOnlyList<(string Value, string Label)> Topics,
    IReadOnlyList<(string Value, string Label)> Agencies,
    IReadOnlyList<(string Value, string Label)> Channels);

/// <summary>Visits and questions per period and group, as the table (and so the chart and the CSV) shows them.</summary>
/// <param name="Heading">The heading of the group column (the chosen grouping).</param>
/// <param name="ShowPeriod">Whether the table has a period column (not when the whole range is one period: the caption
/// names it).</param>
public sealed record CountsTable(string Heading, IReadOnlyList<CountsRow> Rows, bool SuppressionApplied, int SuppressedCells,
    int MinimumVisits, bool ShowPeriod = true)
{
    public const string SuppressedText = "< 5";

    public IReadOnlyList<string> Headings => [.. ShowPeriod ? ["Periode"] : Array.Empty<string>(), Heading, "Bezoeken", "Vragen"];

    /// <summary>The cells as shown, row by row (numbers without thousands separators, withheld ones as "&lt; 5").</summary>
    public IEnumerable<IReadOnlyList<string>> Cells => Rows.Select(r => (IReadOnlyList<string>)
        [.. ShowPeriod ? [r.Period] : Array.Empty<string>(), r.Group, Count(r.Visits, r.Suppressed), Count(r.Questions, r.Suppressed)]);

    public static string Count(long? value, bool suppressed) =>
        suppressed || value is null ? SuppressedText : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record CountsRow(string Period, string Group, long? Visits, long? Questions, bool Suppressed);

/// <summary>The referral funnel per agency: issued, then how they ended (or are still open).</summary>
public sealed record OutcomesTable(IReadOnlyList<OutcomeRow> Rows);

public sealed record OutcomeRow(string Agency, long Issued, long Arrived, long Expired, long Cancelled, long Open, double ArrivalRate)
{
    public string ArrivalPercentage => (ArrivalRate * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + "%";
}
