namespace IdoPlatform.Registrations.Features.Visits;

/// <summary>A visit as the API shows it. <see cref="Version"/> is also its ETag.</summary>
public sealed record VisitResponse(
    Guid Id,
    string LocationId,
    Guid OrganisationId,
    string MunicipalityCode,
    string MunicipalityName,
    string Province,
    DateTimeOffset OccurredAt,
    string Channel,
    IReadOnlyList<Question> Questions,
    string? ReferralCode,
    string? Note,
    VisitStatus Status,
    string? VoidReason,
    long Version,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ChangedAt)
{
    public static VisitResponse From(Visit visit, long version) => new(
        visit.Id, visit.Place.LocationId, visit.Place.OrganisationId, visit.Place.MunicipalityCode,
        visit.Place.MunicipalityName, visit.Place.Province, visit.Details.OccurredAt, visit.Details.Channel,
        visit.Details.Questions, visit.Details.ReferralCode, visit.Details.Note, visit.Status, visit.VoidReason,
        version, visit.RegisteredAt, visit.ChangedAt);
}
