using IdoPlatform.Contracts.Queues;

namespace IdoPlatform.Contracts.Registrations;

public static class VisitRouting
{
    /// <summary>On a registered visit that carries a referral code, and on every correction and void: referrals acts on
    /// nothing else, and most visits carry none. A correction or void may concern a referral without carrying a code
    /// (the code was corrected away; a void after that), and the header is decided from the message alone, which does
    /// not say what the visit carried before; corrections and voids are few, so all of them go.</summary>
    public static readonly RoutingFilter CarriesReferralCode = new("Ido-Referral-Code", message => message switch
    {
        VisitRegistered registered => registered.Visit.ReferralCode is not null,
        VisitCorrected or VisitVoided => true,
        _ => false,
    });
}
