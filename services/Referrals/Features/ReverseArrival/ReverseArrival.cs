using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.ReverseArrival;

/// <summary>A visit that no longer counts for a referral: voided, or its code corrected away.</summary>
public sealed record ArrivalReversal(Guid VisitId, string Reason, DateTimeOffset At);

public static class ReverseArrival
{
    /// <summary>
    /// Only the visit the referral arrived through can take the arrival back: a reversal for any other visit (one
    /// kept as ignored, a message about an arrival already reversed) changes nothing, so redeliveries are harmless.
    /// A referral whose validity passed by the time of the reversal expires at once, at its own expiry moment, as a
    /// late arrival or cancellation does: the agency sees how it really ended instead of an open referral nobody
    /// can use any more.
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral referral, ArrivalReversal reversal)
    {
        if (referral.Status != ReferralStatus.Arrived || referral.VisitId != reversal.VisitId) return [];
        var reversed = new ReferralArrivalReversed(referral.Subject, reversal.VisitId, reversal.Reason, reversal.At);
        return reversal.At >= referral.ExpiresAt
            ? [reversed, new ReferralExpired(referral.Subject, referral.ExpiresAt)]
            : [reversed];
    }
}
