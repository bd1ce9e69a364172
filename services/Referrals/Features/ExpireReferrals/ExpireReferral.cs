using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.ExpireReferrals;

public static class ExpireReferral
{
    /// <summary>An open referral whose time is up expires at its own expiry moment, not when the sweep ran.</summary>
    public static IReadOnlyList<object> Decide(Referral referral, DateTimeOffset now) =>
        referral.IsOpen && now >= referral.ExpiresAt
            ? [new ReferralExpired(referral.Subject, referral.ExpiresAt)]
            : [];
}
