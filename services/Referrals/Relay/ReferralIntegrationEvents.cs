using IdoPlatform.BuildingBlocks.EventStore;
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
        .Map<ReferralIssued, Integration.ReferralIssued>((e, at) => new Integration.ReferralIssued(Facts(e.Referral, at), e.IssuedAt, e.ExpiresAt))
        .Map<ReferralArrivalRecorded, Integration.ReferralArrived>((e, at) => new Integration.ReferralArrived(Facts(e.Referral, at), e.VisitId, e.ArrivedAt))
        .Map<ReferralArrivalReversed, Integration.ReferralArrivalReversed>((e, at) =>
            new Integration.ReferralArrivalReversed(Facts(e.Referral, at), e.VisitId, e.Reason, e.ReversedAt))
        .Map<ReferralExpired, Integration.ReferralExpired>((e, at) => new Integration.ReferralExpired(Facts(e.Referral, at), e.ExpiredAt))
        .Map<ReferralCancelled, Integration.ReferralCancelled>((e, at) => new Integration.ReferralCancelled(Facts(e.Referral, at), e.CancelledAt));

    /// <summary>The subject, with the stream version after the event: an arrival can be reversed, so a consumer that
    /// hears messages out of order needs it to tell the newest.</summary>
    public static Integration.ReferralFacts Facts(ReferralSubject s, StoredEvent stored) =>
        new(s.ReferralId, s.Code, s.Agency, s.Topic, s.LocationId, s.Method, s.MunicipalityCode, s.Province, stored.StreamVersion);
}
