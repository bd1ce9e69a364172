using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.EraseNote;

/// <summary>
/// Erasing a note that slipped personal data past the screen: the erasure is recorded as an event (who, when, why;
/// never the text), and every stored event of the visit gets its note masked (Marten's event data masking).
/// </summary>
public static class EraseNote
{
    /// <summary>What an erased note reads as, everywhere: state, read model, history.</summary>
    public const string Erased = "verwijderd";
    public const string NothingToErase = "Dit bezoek heeft geen notitie.";

    /// <summary>Erases a note once; an erased note is erased already (nothing new to record, masking may run again).</summary>
    public static Decision Decide(Visit current, string reason, DateTimeOffset now) => current.Details.Note switch
    {
        null => Decision.Reject(NothingToErase),
        Erased => Decision.Unchanged,
        _ => Decision.Accept(new VisitNoteErased(current.Id, reason, now)),
    };

    /// <summary>The masking rule of one event: its note, if any, replaced.</summary>
    public static VisitDetails Masked(VisitDetails details) => details.Note is null ? details : details with { Note = Erased };
}
