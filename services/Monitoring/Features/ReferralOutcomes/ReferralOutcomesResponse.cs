namespace IdoPlatform.Monitoring.Features.ReferralOutcomes;

public sealed record ReferralOutcomesResponse(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> GroupBy,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<ReferralOutcomeRow> Rows);

/// <param name="Open">Issued and not yet arrived, expired or cancelled.</param>
/// <param name="ArrivalRate">Arrived divided by issued, rounded to four decimals.</param>
public sealed record ReferralOutcomeRow(
    string? Agency, string? Topic, string? Province,
    long Issued, long Arrived, long Expired, long Cancelled, long Open, double ArrivalRate);
