namespace IdoPlatform.Registrations.Features.Visits;

/// <summary>The codes of one question: never free text, never personal data.</summary>
public sealed record Question(
    string Topic,
    string Domain,
    string? Organisation,
    string DurationBand,
    IReadOnlyList<string> HelpGiven,
    string? ReferredTo,
    string? ReferralMethod)
{
    public bool IsSameAs(Question other) =>
        Topic == other.Topic && Domain == other.Domain && Organisation == other.Organisation
        && DurationBand == other.DurationBand && HelpGiven.SequenceEqual(other.HelpGiven)
        && ReferredTo == other.ReferredTo && ReferralMethod == other.ReferralMethod;
}

/// <summary>Where the visit took place, copied from the location replica when registered or moved,
/// so events stay meaningful (and monitoring needs no look-ups) even after the location changes.</summary>
public sealed record VisitPlace(
    string LocationId,
    Guid OrganisationId,
    string MunicipalityCode,
    string MunicipalityName,
    string Province);

/// <summary>What the desk registered about the visit.</summary>
public sealed record VisitDetails(
    DateTimeOffset OccurredAt,
    string Channel,
    IReadOnlyList<Question> Questions,
    string? ReferralCode,
    string? Note)
{
    public bool IsSameAs(VisitDetails other) =>
        OccurredAt == other.OccurredAt && Channel == other.Channel && ReferralCode == other.ReferralCode
        && Note == other.Note && Questions.Count == other.Questions.Count
        && Questions.Zip(other.Questions).All(p => p.First.IsSameAs(p.Second));
}
