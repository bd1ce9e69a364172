using System.ComponentModel.DataAnnotations;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.RegisterVisit;

/// <summary>A new visit. <c>occurredAt</c> defaults to now.</summary>
public sealed record RegisterVisitRequest(
    string LocationId,
    string Channel,
    [property: MinLength(1), MaxLength(VisitRules.MaxQuestions)] IReadOnlyList<QuestionInput> Questions,
    DateTimeOffset? OccurredAt = null,
    string? ReferralCode = null,
    [property: MaxLength(VisitRules.MaxTextLength)] string? Note = null)
{
    public VisitInput ToInput() => new(LocationId, OccurredAt, Channel, Questions, ReferralCode, Note);
}
