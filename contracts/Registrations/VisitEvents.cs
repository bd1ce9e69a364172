namespace IdoPlatform.Contracts.Registrations;

/// <summary>The codes of one question; never free text, never personal data.</summary>
public sealed record QuestionCodes(
    string Topic,
    string Domain,
    string? Organisation,
    string DurationBand,
    IReadOnlyList<string> HelpGiven,
    string? ReferredTo,
    string? ReferralMethod);

/// <summary>A visit as it now stands, with the place facts monitoring groups by (no look-ups needed).</summary>
public sealed record VisitSnapshot(
    Guid VisitId,
    int Version,
    string LocationId,
    Guid OrganisationId,
    string MunicipalityCode,
    string MunicipalityName,
    string Province,
    DateTimeOffset OccurredAt,
    string Channel,
    IReadOnlyList<QuestionCodes> Questions,
    string? ReferralCode);

public sealed record VisitRegistered(VisitSnapshot Visit, DateTimeOffset RegisteredAt);

/// <summary>Carries the corrected visit whole: consumers replace what they had.</summary>
public sealed record VisitCorrected(VisitSnapshot Visit, DateTimeOffset CorrectedAt);

/// <summary>Carries the visit as it was, so a consumer can take it out of its counts.</summary>
public sealed record VisitVoided(VisitSnapshot Visit, DateTimeOffset VoidedAt);
