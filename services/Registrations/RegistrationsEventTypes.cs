using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations;

public static class RegistrationsEventTypes
{
    public const string StreamType = "visit";

    /// <summary>The visit stream type, and its events' stable aliases: the stored names, never CLR names.</summary>
    public static void Register(BuildingBlocks.EventStore.EventStoreOptions store)
    {
        store.Aggregate<Visit>(StreamType, v => v.Id, Visit.Evolve);
        store.Marten(marten =>
        {
            marten.Events.AddMaskingRuleForProtectedInformation<VisitRegistered>(e => e with { Details = Features.EraseNote.EraseNote.Masked(e.Details) });
            marten.Events.AddMaskingRuleForProtectedInformation<VisitCorrected>(e => e with { Details = Features.EraseNote.EraseNote.Masked(e.Details) });
            marten.Events.AddMaskingRuleForProtectedInformation<VisitVoided>(e => e with { Details = Features.EraseNote.EraseNote.Masked(e.Details) });
        });
        Register(store.Events);
    }

    public static void Register(BuildingBlocks.EventStore.EventTypeRegistry events) => events
        .Register<VisitRegistered>("visit-registered", 1)
        .Register<VisitCorrected>("visit-corrected", 1)
        .Register<VisitVoided>("visit-voided", 1)
        .Register<VisitNoteErased>("visit-note-erased", 1);
}
