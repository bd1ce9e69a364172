namespace IdoPlatform.Monitoring.Storage.Visits;

/// <summary>The codes of one question as monitoring counts them.</summary>
/// <param name="Agency">The organisation the question concerned; <c>none</c> when there was none.</param>
/// <param name="HelpGiven">Distinct, sorted: a question counts once under each kind of help.</param>
public sealed record QuestionFact(string Topic, string Domain, string Agency, string DurationBand, string[] HelpGiven)
{
    public const string NoAgency = "none";

    public bool Equals(QuestionFact? other) =>
        other is not null && Topic == other.Topic && Domain == other.Domain && Agency == other.Agency &&
        DurationBand == other.DurationBand && HelpGiven.AsSpan().SequenceEqual(other.HelpGiven);

    public override int GetHashCode() => HashCode.Combine(Topic, Domain, Agency, DurationBand, HelpGiven.Length);
}

/// <summary>
/// A visit as it counts now: the newest version heard of, or a tombstone once voided (so a late,
/// older message cannot bring it back). No personal data: only codes, a place and a day.
/// </summary>
public sealed record VisitFacts(
    Guid VisitId,
    int Version,
    bool Voided,
    DateOnly Day,
    string LocationId,
    Guid OrganisationId,
    string MunicipalityCode,
    string Province,
    string Channel,
    QuestionFact[] Questions)
{
    /// <summary>Only a visit that is not voided counts.</summary>
    public bool Counts => !Voided;

    public bool Equals(VisitFacts? other) =>
        other is not null && VisitId == other.VisitId && Version == other.Version && Voided == other.Voided &&
        Day == other.Day && LocationId == other.LocationId && OrganisationId == other.OrganisationId &&
        MunicipalityCode == other.MunicipalityCode && Province == other.Province && Channel == other.Channel &&
        Questions.AsSpan().SequenceEqual(other.Questions);

    public override int GetHashCode() => HashCode.Combine(VisitId, Version, Voided);
}
