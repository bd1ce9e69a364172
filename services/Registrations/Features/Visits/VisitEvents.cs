namespace IdoPlatform.Registrations.Features.Visits;

// Domain events of the visit stream. Each carries the visit whole (place and details), so the relay
// can map any one of them to an integration event without reading the stream, and the history can
// show what changed by comparing neighbours. Who did it is in the event metadata (actor).

public sealed record VisitWasRegistered(Guid VisitId, VisitPlace Place, VisitDetails Details, DateTimeOffset RegisteredAt);

public sealed record VisitWasCorrected(Guid VisitId, VisitPlace Place, VisitDetails Details, string Reason,
    DateTimeOffset CorrectedAt);

public sealed record VisitWasVoided(Guid VisitId, VisitPlace Place, VisitDetails Details, string Reason,
    DateTimeOffset VoidedAt);

/// <summary>A platform admin erased the visit's note (the reason is kept, the text is not); the note of every
/// stored event of the visit is masked.</summary>
public sealed record VisitNoteErased(Guid VisitId, string Reason, DateTimeOffset ErasedAt);

public static class VisitEventTypes
{
    public const string StreamType = "visit";

    /// <summary>The visit stream type, and its events' stable aliases: the stored names, never CLR names.</summary>
    public static void Register(BuildingBlocks.EventStore.EventStoreOptions store)
    {
        store.Aggregate<Visit>(StreamType, v => v.Id, Visit.Evolve);
        store.Marten(marten =>
        {
            marten.Events.AddMaskingRuleForProtectedInformation<VisitWasRegistered>(e => e with { Details = EraseNote.EraseNote.Masked(e.Details) });
            marten.Events.AddMaskingRuleForProtectedInformation<VisitWasCorrected>(e => e with { Details = EraseNote.EraseNote.Masked(e.Details) });
            marten.Events.AddMaskingRuleForProtectedInformation<VisitWasVoided>(e => e with { Details = EraseNote.EraseNote.Masked(e.Details) });
        });
        Register(store.Events);
    }

    public static void Register(BuildingBlocks.EventStore.EventTypeRegistry events) => events
        .Register<VisitWasRegistered>("visit-registered", 1)
        .Register<VisitWasCorrected>("visit-corrected", 1)
        .Register<VisitWasVoided>("visit-voided", 1)
        .Register<VisitNoteErased>("visit-note-erased", 1);
}
