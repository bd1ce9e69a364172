using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.CancelReferral;

public static class CancelReferral
{
    public static string AlreadyEnded(string status) =>
        $"De verwijzing is al afgesloten (status '{status}') en kan niet meer worden ingetrokken.";

    /// <summary>Cancelling twice is harmless (no second event); an ended referral cannot be cancelled. One whose
    /// expiry moment has passed before the sweep saw it expires now instead (the caller then answers as for an
    /// ended one).</summary>
    public static Decision Decide(Referral referral, DateTimeOffset now) => referral.Status switch
    {
        ReferralStatus.Issued when now >= referral.ExpiresAt =>
            Decision.Accept(new ReferralExpired(referral.Subject, referral.ExpiresAt)),
        ReferralStatus.Issued => Decision.Accept(new ReferralCancelled(referral.Subject, now)),
        ReferralStatus.Cancelled => Decision.Unchanged,
        _ => Decision.Reject(AlreadyEnded(referral.Status)),
    };
}
