using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.CancelReferral;

public abstract record CancelOutcome(IReadOnlyList<object> Events)
{
    public sealed record Cancelled(IReadOnlyList<object> Events) : CancelOutcome(Events);

    /// <summary>The referral already arrived or expired: nothing left to cancel. <see cref="Events"/> may
    /// hold the expiry the sweep had not written yet.</summary>
    public sealed record AlreadyEnded(string Status, IReadOnlyList<object> Events) : CancelOutcome(Events);
}

public static class CancelReferral
{
    /// <summary>Cancelling twice is harmless (no second event); an ended referral cannot be cancelled.</summary>
    public static CancelOutcome Decide(Referral referral, DateTimeOffset now) => referral.Status switch
    {
        ReferralStatus.Issued when now >= referral.ExpiresAt =>
            new CancelOutcome.AlreadyEnded(ReferralStatus.Expired,
                [new ReferralWasExpired(referral.Subject, referral.ExpiresAt)]),
        ReferralStatus.Issued => new CancelOutcome.Cancelled([new ReferralWasCancelled(referral.Subject, now)]),
        ReferralStatus.Cancelled => new CancelOutcome.Cancelled([]),
        _ => new CancelOutcome.AlreadyEnded(referral.Status, []),
    };
}
