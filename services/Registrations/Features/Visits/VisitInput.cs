using System.ComponentModel.DataAnnotations;

namespace IdoPlatform.Registrations.Features.Visits;

/// <summary>One question as the desk sends it. Only codes: there is no field for a name or a birth date.</summary>
public sealed record QuestionInput(
    string Topic,
    string Domain,
    string DurationBand,
    [property: MinLength(1)] IReadOnlyList<string> HelpGiven,
    string? Organisation = null,
    string? ReferredTo = null,
    string? ReferralMethod = null);

/// <summary>The fields a registration and a correction share.</summary>
public sealed record VisitInput(
    string? LocationId,
    DateTimeOffset? OccurredAt,
    string? Channel,
    IReadOnlyList<QuestionInput?>? Questions,
    string? ReferralCode,
    string? Note);
