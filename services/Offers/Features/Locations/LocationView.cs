using IdoPlatform.Offers.Domain;

namespace IdoPlatform.Offers.Features.Locations;

public sealed record AddressView(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition,
    string Postcode, string City);

public sealed record MunicipalityView(string Code, string Name);

public sealed record CoordinatesView(double Latitude, double Longitude);

/// <param name="Day">English weekday in lower case.</param>
/// <param name="Opens">HH:mm</param>
/// <param name="Closes">HH:mm</param>
public sealed record OpeningPeriodView(string Day, string Opens, string Closes);

public sealed record IdoView(bool HasIdo, DateOnly? OpenedOn, bool InsideLibrary);

/// <summary>A location as clients see it. A closed location keeps its data, with <c>closed</c> set.</summary>
public sealed record LocationView(
    string LocationId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    string Kind,
    AddressView Address,
    MunicipalityView Municipality,
    string Province,
    CoordinatesView Coordinates,
    IReadOnlyList<OpeningPeriodView> OpeningHours,
    IdoView Ido,
    bool Visible,
    bool Closed,
    DateOnly? ClosedOn)
{
    public static LocationView From(Location l)
    {
        var f = l.Facts;
        return new LocationView(l.LocationId, l.OrganisationId, l.OrganisationName, f.Name, f.Kind,
            new AddressView(f.Address.Street, f.Address.HouseNumber, f.Address.HouseLetter, f.Address.HouseNumberAddition,
                f.Address.Postcode, f.Address.City),
            new MunicipalityView(f.Municipality.Code, f.Municipality.Name),
            f.Province,
            new CoordinatesView(f.Coordinates.Latitude, f.Coordinates.Longitude),
            f.OpeningHours.Select(p => new OpeningPeriodView(ClockText.Format(p.Day), ClockText.Format(p.Opens), ClockText.Format(p.Closes))).ToList(),
            new IdoView(f.Ido.HasIdo, f.Ido.OpenedOn, f.Ido.InsideLibrary),
            f.Visible && !l.IsClosed,
            l.IsClosed,
            l.ClosedOn);
    }
}

/// <summary>One hit of a location search; <c>distanceMeters</c> is null when the search had no point.</summary>
public sealed record LocationHit(int? DistanceMeters, LocationView Location);
