namespace IdoPlatform.Registrations.Features.Visits;

// Domain events of the visit stream. Each carries the visit whole (place and details), so the relay
// can map any one of them to an integration event without reading the stream, and the history can
// show what changed by comparing neighbours. Who did it is in the event metadata (actor).

public sealed record VisitRegistered(Guid VisitId, VisitPlace Place, VisitDetails Details, DateTimeOffset RegisteredAt);

public sealed record VisitCorrected(Guid VisitId, VisitPlace Place, VisitDetails Details, string Reason,
    DateTimeOffset CorrectedAt);

public sealed record VisitVoided(Guid VisitId, VisitPlace Place, VisitDetails Details, string Reason,
    DateTimeOffset VoidedAt);

/// <summary>A platform admin erased the visit's note (the reason is kept, the text is not); the note of every
/// stored event of the visit is masked.</summary>
public sealed record VisitNoteErased(Guid VisitId, string Reason, DateTimeOffset ErasedAt);
