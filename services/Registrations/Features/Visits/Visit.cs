namespace IdoPlatform.Registrations.Features.Visits;

public enum VisitStatus { Registered, Voided }

/// <summary>A visit as its stream tells it; folded with <see cref="Evolve"/>.</summary>
public sealed record Visit(
    Guid Id,
    VisitPlace Place,
    VisitDetails Details,
    VisitStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ChangedAt,
    string? VoidReason)
{
    public bool IsVoided => Status == VisitStatus.Voided;

    public static Visit? Evolve(Visit? state, object @event) => @event switch
    {
        VisitRegistered e => new Visit(e.VisitId, e.Place, e.Details, VisitStatus.Registered, e.RegisteredAt,
            e.RegisteredAt, null),
        VisitCorrected e when state is not null => state with
        {
            Place = e.Place, Details = e.Details, ChangedAt = e.CorrectedAt,
        },
        VisitVoided e when state is not null => state with
        {
            Status = VisitStatus.Voided, ChangedAt = e.VoidedAt, VoidReason = e.Reason,
        },
        VisitNoteErased e when state is not null => state with
        {
            Details = Features.EraseNote.EraseNote.Masked(state.Details), ChangedAt = e.ErasedAt,
        },
        _ => state,
    };
}
