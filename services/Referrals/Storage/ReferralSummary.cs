namespace IdoPlatform.Referrals.Storage;

/// <summary>One row of the referral table, as lists and look-ups show it.</summary>
public sealed record ReferralSummary(
    Guid Id,
    string Code,
    string Agency,
    string Topic,
    string LocationId,
    Guid OrganisationId,
    string Method,
    string Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    Guid? VisitId,
    int IgnoredArrivals,
    long Version);
