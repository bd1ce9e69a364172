namespace IdoPlatform.Contracts.Referrals;

/// <summary>What every referral event carries: enough to count it by agency, topic and region.</summary>
public sealed record ReferralFacts(
    Guid ReferralId,
    string Code,
    string Agency,
    string Topic,
    string LocationId,
    string Method,
    string MunicipalityCode,
    string Province);

public sealed record ReferralIssued(ReferralFacts Referral, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

public sealed record ReferralArrived(ReferralFacts Referral, Guid VisitId, DateTimeOffset ArrivedAt);

public sealed record ReferralExpired(ReferralFacts Referral, DateTimeOffset ExpiredAt);

public sealed record ReferralCancelled(ReferralFacts Referral, DateTimeOffset CancelledAt);
