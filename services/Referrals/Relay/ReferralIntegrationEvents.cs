using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Referrals.Features.Referrals;
// The contracts keep their names (they are the exchange names) and share three with the domain events.
using Integration = IdoPlatform.Contracts.Referrals;

namespace IdoPlatform.Referrals.Relay;

/// <summary>
/// Domain events → integration events for the relay. Ignored arrival attempts and profile revisions
/// stay inside the service.
/// </summary>
public static class ReferralIntegrationEvents
{
    public static void Map(IntegrationEventMap map) => map
        .Map<ReferralIssued, Integration.ReferralIssued>((e, _) => new Integration.ReferralIssued(Facts(e.Referral), e.IssuedAt, e.ExpiresAt))
        .Map<ReferralArrivalRecorded, Integration.ReferralArrived>((e, _) => new Integration.ReferralArrived(Facts(e.Referral), e.VisitId, e.ArrivedAt))
        .Map<ReferralExpired, Integration.ReferralExpired>((e, _) => new Integration.ReferralExpired(Facts(e.Referral), e.ExpiredAt))
        .Map<ReferralCancelled, Integration.ReferralCancelled>((e, _) => new Integration.ReferralCancelled(Facts(e.Referral), e.CancelledAt));

    public static Integration.ReferralFacts Facts(ReferralSubject s) =>
        new(s.ReferralId, s.Code, s.Agency, s.Topic, s.LocationId, s.Method, s.MunicipalityCode, s.Province);
}
