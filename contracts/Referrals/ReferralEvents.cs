namespace IdoPlatform.Contracts.Referrals;

/// <summary>What every referral event carries: enough to count it by agency, topic and region. <paramref name="Version"/> is
/// the referral stream's version after the event, so a consumer hearing messages out of order can tell the newest (an
/// arrival can now be reversed, so "the first ending wins" no longer holds); 0 on messages published before it was carried.</summary>
public sealed record ReferralFacts(
    Guid ReferralId,
    string Code,
    string Agency,
    string Topic,
    string LocationId,
    string Method,
    string MunicipalityCode,
    string Province,
    long Version = 0);

public sealed record ReferralIssued(ReferralFacts Referral, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

public sealed record ReferralArrived(ReferralFacts Referral, Guid VisitId, DateTimeOffset ArrivedAt);

/// <summary>The visit that made the referral arrive was voided, or its code corrected away: the referral is open
/// again (<paramref name="Reason"/>: <c>visit-voided</c> or <c>code-corrected</c>).</summary>
public sealed record ReferralArrivalReversed(ReferralFacts Referral, Guid VisitId, string Reason, DateTimeOffset ReversedAt);

public sealed record ReferralExpired(ReferralFacts Referral, DateTimeOffset ExpiredAt);

public sealed record ReferralCancelled(ReferralFacts Referral, DateTimeOffset CancelledAt);
