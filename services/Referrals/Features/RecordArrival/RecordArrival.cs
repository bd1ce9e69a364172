using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.RecordArrival;

/// <summary>A registered visit that carried a referral code.</summary>
public sealed record VisitWithCode(Guid VisitId, string LocationId, DateTimeOffset OccurredAt);

public static class RecordArrival
{
    /// <summary>
    /// The first visit in time makes the referral arrive; any later one (or one after expiry or
    /// cancellation) is kept as an ignored attempt, changing nothing else. The visit it already arrived through is a
    /// no-op, and an attempt already kept as ignored is not kept again, which makes a redelivered message (or a later
    /// correction of the same visit) harmless even though the append and the inbox record commit separately. A visit
    /// whose arrival was reversed may arrive again (its code corrected back).
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral referral, VisitWithCode visit)
    {
        if (referral.Status == ReferralStatus.Arrived && referral.VisitId == visit.VisitId) return [];
        var subject = referral.Subject;
        object Ignored(string reason) =>
            new ReferralArrivalIgnored(subject, visit.VisitId, visit.LocationId, reason, visit.OccurredAt);

        IReadOnlyList<object> events = referral.Status switch
        {
            ReferralStatus.Arrived => [Ignored(ArrivalIgnoredReasons.AlreadyArrived)],
            ReferralStatus.Cancelled => [Ignored(ArrivalIgnoredReasons.Cancelled)],
            ReferralStatus.Expired => [Ignored(ArrivalIgnoredReasons.Expired)],
            // Came too late but the sweep has not run yet: expire it now, then refuse the arrival.
            _ when visit.OccurredAt >= referral.ExpiresAt =>
                [new ReferralExpired(subject, referral.ExpiresAt), Ignored(ArrivalIgnoredReasons.Expired)],
            _ when visit.OccurredAt < referral.IssuedAt => [Ignored(ArrivalIgnoredReasons.BeforeIssue)],
            _ => [new ReferralArrivalRecorded(subject, visit.VisitId, visit.LocationId, visit.OccurredAt)],
        };
        return referral.IgnoredVisits.Contains(visit.VisitId) ? events.Where(e => e is not ReferralArrivalIgnored).ToList() : events;
    }
}
