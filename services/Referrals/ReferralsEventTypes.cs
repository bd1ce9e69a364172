using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals;

/// <summary>Stable names of the service's domain events: never rename an alias, add a version and an upcaster. The CLR
/// names may change (ReferralWasIssued became ReferralIssued): stored events are read by their alias.</summary>
public static class ReferralsEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register<ReferralIssued>("referral-issued", 1)
        .Register<ReferralArrivalRecorded>("referral-arrived", 1)
        .Register<ReferralArrivalIgnored>("referral-arrival-ignored", 1)
        .Register<ReferralArrivalReversed>("referral-arrival-reversed", 1)
        .Register<ReferralExpired>("referral-expired", 1)
        .Register<ReferralCancelled>("referral-cancelled", 1)
        .Register<ReferralProfileRevised>("referral-profile-revised", 1);
}
