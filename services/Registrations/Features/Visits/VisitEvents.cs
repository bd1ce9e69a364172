namespace IdoPlatform.Registrations.Features.Visits;

// Domain events of the visit stream. Each carries the visit whole (place and details), so the relay
// can map any one of them to an integration event without reading the stream, and the history can
// show what changed by comparing neighbours. Who did it is in the event metadata (actor).

public sealed record VisitWasRegistered(Guid VisitId, VisitPlace Place, VisitDetails Details, DateTimeOffset RegisteredAt);

public sealed record VisitWasCorrected(Guid VisitId, VisitPlace Place, VisitDetails Details, string Reason,
    DateTimeOffset CorrectedAt);

public sealed record VisitWasVoided(Guid VisitId, VisitPlace Place, VisitDetails Details, string Reason,
    DateTimeOffset VoidedAt);

public static class VisitEventTypes
{
    public const string StreamType = "visit";

    /// <summary>The visit stream type, and its events' stable aliases: the stored names, never CLR names.</summary>
    public static void Register(BuildingBlocks.EventStore.EventStoreOptions store)
    {
        store.Aggregate<Visit>(StreamType, v => v.Id, Visit.Evolve);
        Register(store.Events);
    }

    public static void Register(BuildingBlocks.EventStore.EventTypeRegistry events) => events
        .Register<VisitWasRegistered>("visit-registered", 1)
        .Register<VisitWasCorrected>("visit-corrected", 1)
        .Register<VisitWasVoided>("visit-voided", 1);
}
