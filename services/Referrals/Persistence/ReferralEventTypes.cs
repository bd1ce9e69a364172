using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Persistence;

/// <summary>Stable names of the service's domain events: never rename an alias, add a version and an upcaster.</summary>
public static class ReferralEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register<ReferralWasIssued>("referral-issued", 1)
        .Register<ReferralArrivalRecorded>("referral-arrived", 1)
        .Register<ReferralArrivalIgnored>("referral-arrival-ignored", 1)
        .Register<ReferralWasExpired>("referral-expired", 1)
        .Register<ReferralWasCancelled>("referral-cancelled", 1)
        .Register<ReferralProfileRevised>("referral-profile-revised", 1);
}
