namespace IdoPlatform.Registrations.Locations;

/// <summary>A location as the offers service last told us about it (our replica's row).</summary>
public sealed record KnownLocation(
    string LocationId,
    Guid OrganisationId,
    string Name,
    string MunicipalityCode,
    string MunicipalityName,
    string Province,
    bool HasIdo,
    DateOnly? IdoOpenedOn,
    DateOnly? ClosedOn)
{
    public bool IsClosedOn(DateOnly day) => ClosedOn is { } closed && closed <= day;

    public bool IdoOpenOn(DateOnly day) => HasIdo && (IdoOpenedOn is null || IdoOpenedOn <= day) && !IsClosedOn(day);
}
