namespace IdoPlatform.Monitoring.Features.QuestionCounts;

/// <summary>The JSON answer as documented; the endpoint writes it directly (a row holds only the grouped dimensions).</summary>
public sealed record QuestionCountsResponse(
    DateOnly From,
    DateOnly To,
    string? Period,
    IReadOnlyList<string> GroupBy,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    SuppressionSummary Suppression,
    IReadOnlyList<QuestionCountRow> Rows);

/// <param name="Applied">Whether small cells were suppressed in this answer.</param>
/// <param name="MinimumVisits">Cells with fewer visits are suppressed.</param>
/// <param name="SuppressedCells">How many cells were suppressed (primary and complementary).</param>
public sealed record SuppressionSummary(bool Applied, int MinimumVisits, int SuppressedCells);

/// <summary>One cell: its period, the values of the grouped dimensions (only those present), and its counts.</summary>
public sealed record QuestionCountRow(
    string Period,
    string? Province,
    string? Municipality,
    string? Organisation,
    string? Location,
    string? Topic,
    string? Domain,
    string? Agency,
    string? Channel,
    string? DurationBand,
    string? HelpGiven,
    long? Visits,
    long? Questions,
    bool Suppressed);
