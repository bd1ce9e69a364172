using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using Contract = IdoPlatform.Contracts.Registrations;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Relay;

/// <summary>Domain events → the Visit… integration events of contracts/. The note never leaves the service.</summary>
public static class VisitIntegrationEvents
{
    public static void Map(IntegrationEventMap map) => map
        .Map<VisitRegistered, Contract.VisitRegistered>((e, stored) =>
            new Contract.VisitRegistered(Snapshot(e.VisitId, stored, e.Place, e.Details), e.RegisteredAt))
        .Map<VisitCorrected, Contract.VisitCorrected>((e, stored) =>
            new Contract.VisitCorrected(Snapshot(e.VisitId, stored, e.Place, e.Details), e.CorrectedAt))
        .Map<VisitVoided, Contract.VisitVoided>((e, stored) =>
            new Contract.VisitVoided(Snapshot(e.VisitId, stored, e.Place, e.Details), e.VoidedAt));

    public static Contract.VisitSnapshot Snapshot(Guid visitId, StoredEvent stored, VisitPlace place, VisitDetails details) =>
        new(visitId,
            checked((int)stored.StreamVersion),
            place.LocationId,
            place.OrganisationId,
            place.MunicipalityCode,
            place.MunicipalityName,
            place.Province,
            details.OccurredAt,
            details.Channel,
            details.Questions.Select(q => new Contract.QuestionCodes(q.Topic, q.Domain, q.Organisation, q.DurationBand,
                q.HelpGiven, q.ReferredTo, q.ReferralMethod)).ToList(),
            details.ReferralCode);
}
