using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Relay;

/// <summary>Domain events → the Visit… integration events of contracts/. The note never leaves the service.</summary>
public static class VisitIntegrationEvents
{
    public static void Map(IntegrationEventMap map) => map
        .Map<VisitWasRegistered, VisitRegistered>((e, stored) =>
            new VisitRegistered(Snapshot(e.VisitId, stored, e.Place, e.Details), e.RegisteredAt))
        .Map<VisitWasCorrected, VisitCorrected>((e, stored) =>
            new VisitCorrected(Snapshot(e.VisitId, stored, e.Place, e.Details), e.CorrectedAt))
        .Map<VisitWasVoided, VisitVoided>((e, stored) =>
            new VisitVoided(Snapshot(e.VisitId, stored, e.Place, e.Details), e.VoidedAt));

    public static VisitSnapshot Snapshot(Guid visitId, StoredEvent stored, VisitPlace place, VisitDetails details) =>
        new(visitId,
            checked((int)stored.StreamVersion),
            place.LocationId,
            place.OrganisationId,
            place.MunicipalityCode,
            place.MunicipalityName,
            place.Province,
            details.OccurredAt,
            details.Channel,
            details.Questions.Select(q => new QuestionCodes(q.Topic, q.Domain, q.Organisation, q.DurationBand,
                q.HelpGiven, q.ReferredTo, q.ReferralMethod)).ToList(),
            details.ReferralCode);
}
