using IdoPlatform.Referrals.Features.NearestLocations;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>A referral: codes only, nothing about the citizen.</summary>
/// <param name="Location">Where the referral sends the citizen, from the replica of offers' locations (closed ones
/// too, with their closing day); absent only when the replica does not know the location's details.</param>
/// <param name="ExpiresAt">The moment the code stops counting: midnight in Amsterdam at the end of its last valid day.</param>
public sealed record ReferralResponse(
    Guid Id,
    string Code,
    string Agency,
    string Topic,
    string LocationId,
    string Method,
    string Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    Guid? VisitId,
    int IgnoredArrivals,
    ReferredLocationResponse? Location)
{
    public static ReferralResponse From(ReferralSummary s, ReplicaLocation? location) => new(s.Id, s.Code, s.Agency, s.Topic,
        s.LocationId, s.Method, s.Status, s.IssuedAt, s.ExpiresAt, s.EndedAt, s.VisitId, s.IgnoredArrivals, Describe(location));

    public static ReferralResponse From(Referral r, ReplicaLocation? location) => new(r.Id, r.Subject.Code, r.Subject.Agency,
        r.Subject.Topic, r.Subject.LocationId, r.Subject.Method, r.Status, r.IssuedAt, r.ExpiresAt, r.EndedAt, r.VisitId,
        r.IgnoredArrivals, Describe(location));

    private static ReferredLocationResponse? Describe(ReplicaLocation? l) => l is null ? null : ReferredLocationResponse.From(l);
}

/// <summary>One step in a referral's life; ignored arrival attempts (duplicate, late, cancelled) and reversed arrivals
/// (visit voided, code corrected) show here too.</summary>
public sealed record ReferralHistoryEntryResponse(
    long Version,
    string Kind,
    DateTimeOffset OccurredAt,
    Guid? VisitId,
    string? VisitLocationId,
    string? Reason);

public sealed record ReferralDetailResponse(ReferralResponse Referral, IReadOnlyList<ReferralHistoryEntryResponse> History);

public static class ReferralHistory
{
    public static ReferralHistoryEntryResponse? Describe(long version, object @event) => @event switch
    {
        ReferralIssued e => new(version, "issued", e.IssuedAt, null, null, null),
        ReferralArrivalRecorded e => new(version, "arrived", e.ArrivedAt, e.VisitId, e.VisitLocationId, null),
        ReferralArrivalIgnored e => new(version, "arrival-ignored", e.AttemptedAt, e.VisitId, e.VisitLocationId, e.Reason),
        ReferralArrivalReversed e => new(version, "arrival-reversed", e.ReversedAt, e.VisitId, null, e.Reason),
        ReferralExpired e => new(version, "expired", e.ExpiredAt, null, null, null),
        ReferralCancelled e => new(version, "cancelled", e.CancelledAt, null, null, null),
        _ => null,
    };
}
