using System.ComponentModel.DataAnnotations;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.CorrectVisit;

/// <summary>The visit as it should be, replacing what was registered, and why. Omitting
/// <c>occurredAt</c> keeps the registered moment.</summary>
public sealed record CorrectVisitRequest(
    string LocationId,
    string Channel,
    [property: MinLength(1), MaxLength(VisitRules.MaxQuestions)] IReadOnlyList<QuestionInput> Questions,
    [property: MaxLength(VisitRules.MaxTextLength)] string Reason,
    DateTimeOffset? OccurredAt = null,
    string? ReferralCode = null,
    [property: MaxLength(VisitRules.MaxTextLength)] string? Note = null)
{
    public VisitInput ToInput() => new(LocationId, OccurredAt, Channel, Questions, ReferralCode, Note);
}
