namespace IdoPlatform.Offers.Features.Locations;

public sealed record Address(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition,
    string Postcode, string City);

/// <param name="Code">CBS municipality code, e.g. <c>GM0546</c>.</param>
public sealed record Municipality(string Code, string Name);

public sealed record Coordinates(double Latitude, double Longitude);

public sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>The Informatiepunt Digitale Overheid at this location, if there is one.</summary>
public sealed record IdoDesk(bool HasIdo, DateOnly? OpenedOn, bool InsideLibrary);

/// <summary>Everything a location declares about itself; replaced whole on every change.</summary>
public sealed record LocationFacts(
    string Name,
    string Kind,
    Address Address,
    Municipality Municipality,
    string Province,
    Coordinates Coordinates,
    IReadOnlyList<OpeningPeriod> OpeningHours,
    IdoDesk Ido,
    bool Visible);

/// <remarks>The organisation's name as it was then travels along, so the relay can publish without look-ups.</remarks>
public sealed record LocationRegistered(string LocationId, Guid OrganisationId, string OrganisationName, LocationFacts Facts);

public sealed record LocationChanged(string LocationId, Guid OrganisationId, string OrganisationName, LocationFacts Facts);

/// <summary>The location is closed and hidden from then on; it is never deleted and its id never reused.</summary>
public sealed record LocationClosed(string LocationId, Guid OrganisationId, DateOnly ClosedOn, string? Reason);
