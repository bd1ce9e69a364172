namespace IdoPlatform.Contracts.Offers;

public sealed record PostalAddress(
    string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition, string Postcode, string City);

/// <summary>One opening period on a weekday; a day may have several (e.g. closed over lunch).</summary>
public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>Everything a consumer needs to know of a location, so nobody has to call back.</summary>
public sealed record LocationDetails(
    string LocationId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    string Kind,
    PostalAddress Address,
    string MunicipalityCode,
    string MunicipalityName,
    string Province,
    double Latitude,
    double Longitude,
    IReadOnlyList<OpeningPeriod> OpeningHours,
    bool HasIdo,
    DateOnly? IdoOpenedOn,
    bool IdoInsideLibrary,
    bool Visible);

public sealed record LocationRegistered(LocationDetails Location, DateTimeOffset OccurredAt);

public sealed record LocationChanged(LocationDetails Location, DateTimeOffset OccurredAt);

/// <summary>A closed location is hidden, never deleted; its id is never reused.</summary>
public sealed record LocationClosed(string LocationId, Guid OrganisationId, DateOnly ClosedOn, DateTimeOffset OccurredAt);
