using IdoPlatform.Contracts.Queues;

namespace IdoPlatform.Contracts.Registrations;

public static class VisitRouting
{
    /// <summary>On a visit message whose visit carries a referral code. Referrals acts on nothing else, and most
    /// visits carry none.</summary>
    public static readonly RoutingFilter CarriesReferralCode = new("Ido-Referral-Code", message => message switch
    {
        VisitRegistered registered => registered.Visit.ReferralCode is not null,
        VisitCorrected corrected => corrected.Visit.ReferralCode is not null,
        VisitVoided voided => voided.Visit.ReferralCode is not null,
        _ => false,
    });
}
