using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Relay;

/// <summary>
/// Domain events → integration events for the relay. Ignored arrival attempts and profile revisions
/// stay inside the service.
/// </summary>
public static class ReferralIntegrationEvents
{
    public static void Map(IntegrationEventMap map) => map
        .Map<ReferralWasIssued, ReferralIssued>((e, _) => new ReferralIssued(Facts(e.Referral), e.IssuedAt, e.ExpiresAt))
        .Map<ReferralArrivalRecorded, ReferralArrived>((e, _) => new ReferralArrived(Facts(e.Referral), e.VisitId, e.ArrivedAt))
        .Map<ReferralWasExpired, ReferralExpired>((e, _) => new ReferralExpired(Facts(e.Referral), e.ExpiredAt))
        .Map<ReferralWasCancelled, ReferralCancelled>((e, _) => new ReferralCancelled(Facts(e.Referral), e.CancelledAt));

    public static ReferralFacts Facts(ReferralSubject s) =>
        new(s.ReferralId, s.Code, s.Agency, s.Topic, s.LocationId, s.Method, s.MunicipalityCode, s.Province);
}
