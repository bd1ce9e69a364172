namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>
/// What a referral is about, repeated in each of its events so the relay can map any single event to
/// an integration event without reading the stream. Codes only: no citizen identity exists anywhere.
/// </summary>
public sealed record ReferralSubject(
    Guid ReferralId,
    string Code,
    string Agency,
    string Topic,
    string LocationId,
    Guid OrganisationId,
    string Method,
    string MunicipalityCode,
    string Province);

public sealed record ReferralIssued(ReferralSubject Referral, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>The citizen came: a visit carrying the code was registered (at any IDO location).</summary>
public sealed record ReferralArrivalRecorded(
    ReferralSubject Referral, Guid VisitId, string VisitLocationId, DateTimeOffset ArrivedAt);

/// <summary>
/// A visit carried the code but changed nothing (already arrived, expired or cancelled): kept so the
/// attempt stays visible in the referral's history.
/// </summary>
public sealed record ReferralArrivalIgnored(
    ReferralSubject Referral, Guid VisitId, string VisitLocationId, string Reason, DateTimeOffset AttemptedAt);

/// <summary>
/// The visit that made the referral arrive was voided, or its code corrected away: the arrival is taken back and
/// the referral is open again (or expires at once when its validity has passed).
/// </summary>
public sealed record ReferralArrivalReversed(
    ReferralSubject Referral, Guid VisitId, string Reason, DateTimeOffset ReversedAt);

public sealed record ReferralExpired(ReferralSubject Referral, DateTimeOffset ExpiredAt);

public sealed record ReferralCancelled(ReferralSubject Referral, DateTimeOffset CancelledAt);

public static class ArrivalIgnoredReasons
{
    public const string AlreadyArrived = "already-arrived";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
    /// <summary>The visit happened before the referral was issued: most likely a mistyped code.</summary>
    public const string BeforeIssue = "before-issue";
}

public static class ArrivalReversedReasons
{
    public const string VisitVoided = "visit-voided";
    /// <summary>The visit now carries another code, or none.</summary>
    public const string CodeCorrected = "code-corrected";
}
